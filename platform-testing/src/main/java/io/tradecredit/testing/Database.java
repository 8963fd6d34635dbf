package io.tradecredit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks into the test database directly, to assert what was (or was not) committed. */
public final class Database {
    private Database() {
    }

    /** Runs a {@code select count(*) ...} (or any single-number query) and returns the number. */
    public static long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Runs a statement (setting up a state to test against, e.g. a job run whose process died); returns the row count. */
    public static int execute(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }
}
