package io.tradecredit.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.tradecredit.e2e.harness.Platform;

/**
 * The fault suite's verdict, one row per check: what should be, what is, and whether they agree.
 * The services' databases are read with plain read-only SQL (the read models against invoice-service's
 * ledger, the outboxes); the table is what docs/reliability.md shows.
 */
final class FaultChecks {
    record Row(String check, String expected, String observed, boolean ok) {
    }

    private final List<Row> rows = new ArrayList<>();

    void check(String check, Object expected, Object observed) {
        rows.add(new Row(check, String.valueOf(expected), String.valueOf(observed), same(expected, observed)));
    }

    /** A row whose verdict is worked out by the caller (e.g. "at least one sample down"). */
    void check(String check, String expected, String observed, boolean ok) {
        rows.add(new Row(check, expected, observed, ok));
    }

    List<Row> failed() {
        return rows.stream().filter(r -> !r.ok()).toList();
    }

    String table() {
        StringBuilder t = new StringBuilder("| check | expected | observed | |\n|---|---|---|---|\n");
        rows.forEach(r -> t.append("| ").append(r.check()).append(" | ").append(r.expected()).append(" | ")
                .append(r.observed()).append(" | ").append(r.ok() ? "ok" : "**FAILED**").append(" |\n"));
        return t.toString();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The rows of a read-only query on {@code database} (user = password = database name), each column by label. */
    static List<Map<String, Object>> query(String database, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(Platform.harness().jdbcUrl(database), database, database);
                PreparedStatement ps = c.prepareStatement(sql)) {
            c.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }

    /** The one row of a query such as {@code select count(*) as n, sum(x) as s ...}. */
    static Map<String, Object> one(String database, String sql, Object... parameters) {
        return query(database, sql, parameters).get(0);
    }
}
