package io.tradecredit.common.persistence;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Inserts many rows with one multi-row statement per chunk, in the caller's transaction: one
 * round trip instead of one per row (a reactive session runs one statement at a time).
 */
public final class BulkInsert {
    /** Rows per statement; PostgreSQL takes at most 65,535 parameters per statement. */
    static final int CHUNK = 500;

    private BulkInsert() {
    }

    /**
     * {@code insert into table (columns...) values (...), (...)} with each row's values given by
     * {@code values} in the column order.
     */
    public static <T> Uni<Void> into(String table, List<String> columns, List<T> rows, Function<T, List<Object>> values) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                        .append(String.join(", ", columns)).append(") values ");
                for (int r = 0; r < chunk.size(); r++) {
                    sql.append(r == 0 ? "(" : ", (");
                    for (int c = 0; c < columns.size(); c++) {
                        sql.append(c == 0 ? "" : ", ").append(":p").append(r).append('_').append(c);
                    }
                    sql.append(')');
                }
                var query = session.createNativeQuery(sql.toString());
                for (int r = 0; r < chunk.size(); r++) {
                    List<Object> row = values.apply(chunk.get(r));
                    for (int c = 0; c < columns.size(); c++) {
                        query.setParameter("p" + r + "_" + c, row.get(c));
                    }
                }
                return query.executeUpdate();
            }).replaceWithVoid());
        }
        return chain;
    }
}
