package io.tradecredit.common.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inserts many rows with one statement instead of one per row: all rows go as one array per
 * column into a single {@code insert ... select * from unnest(...)}: a handful of parameters and
 * one executor run however many rows, which is what a hot bulk path (a batch import) wants.
 */
public final class BulkInsert {
    /** A column of an {@code unnest} insert and its PostgreSQL type ({@code uuid}, {@code numeric}, ...). */
    public record Column(String name, String type) {
        public static Column text(String name) {
            return new Column(name, "text");
        }
    }

    private BulkInsert() {
    }

    /**
     * Inserts {@code rows} (each row's values given by {@code values} in the column order) in the
     * current transaction ({@link CurrentTransaction}), as one {@code unnest} statement.
     */
    public static <T> Uni<Void> into(String table, List<Column> columns, List<T> rows, Function<T, List<Object>> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return CurrentTransaction.execute(unnestInsert(table, columns), columnArrays(columns.size(), rows, values))
                .replaceWithVoid();
    }

    /**
     * The same insert on a SQL client of its own (the pool, for {@link GroupedInsert}'s group
     * commit, which is its own transaction).
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
