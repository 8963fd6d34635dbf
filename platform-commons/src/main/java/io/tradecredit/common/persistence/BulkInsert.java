package io.tradecredit.common.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inserts many rows in the caller's transaction with few statements instead of one per row.
 * Two ways in: through the current Hibernate Reactive session (one multi-row statement per
 * chunk), or on a reactive SQL connection, where all rows go as one array per column into a
 * single {@code insert ... select * from unnest(...)}: one statement, a handful of parameters and
 * one executor run however many rows, which is what a hot bulk path (a batch import) wants.
 */
public final class BulkInsert {
    /** Rows per statement; PostgreSQL takes at most 65,535 parameters per statement. */
    static final int CHUNK = 500;

    /** A column of an {@code unnest} insert and its PostgreSQL type ({@code uuid}, {@code numeric}, ...). */
    public record Column(String name, String type) {
        public static Column text(String name) {
            return new Column(name, "text");
        }
    }

    private BulkInsert() {
    }

    /**
     * {@code insert into table (columns...) values (...), (...)} with each row's values given by
     * {@code values} in the column order, through the current Hibernate Reactive session.
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

    /**
     * The same insert on a reactive SQL client (a connection inside the caller's transaction):
     * each column's values travel as one text array, cast to the column's type by PostgreSQL.
     */
    public static <T> Uni<Void> into(SqlClient client, String table, List<Column> columns, List<T> rows,
            Function<T, List<Object>> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(unnestInsert(table, columns)).execute(columnArrays(columns.size(), rows, values))
                .replaceWithVoid();
    }

    static String unnestInsert(String table, List<Column> columns) {
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
        StringBuilder arrays = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            sql.append(c == 0 ? "" : ", ").append(column.name());
            arrays.append(c == 0 ? "" : ", ").append('$').append(c + 1).append("::text[]");
            if (!"text".equals(column.type())) {
                arrays.append("::").append(column.type()).append("[]");
            }
        }
        return sql.append(") select * from unnest(").append(arrays).append(')').toString();
    }

    private static <T> Tuple columnArrays(int width, List<T> rows, Function<T, List<Object>> values) {
        String[][] arrays = new String[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = values.apply(rows.get(r));
            if (row.size() != width) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " values for " + width + " columns");
            }
            for (int c = 0; c < width; c++) {
                arrays[c][r] = asText(row.get(c));
            }
        }
        List<Object> parameters = new ArrayList<>(width);
        for (String[] column : arrays) {
            parameters.add(column);
        }
        return Tuple.from(parameters);
    }

    /** PostgreSQL's input form of a value: ISO dates and times, plain decimals, null as SQL null. */
    static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }
}
