package io.tradecredit.common.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inserts many rows with one statement instead of one per row: all rows go as one array per
 * column into a single {@code insert ... select * from unnest(...)}: a handful of parameters and
 * one executor run however many rows, which is what a hot bulk path (a batch import) wants.
 * A column of an array type ({@code uuid[]}, {@code text[]}) takes a collection per row; since
 * {@code unnest} would flatten an array of arrays, each row's array travels as its literal text and
 * is cast back after the unnest.
 */
public final class BulkInsert {
    /** A column of an {@code unnest} insert and its PostgreSQL type ({@code uuid}, {@code numeric}, ...). */
    public record Column(String name, String type) {
        public static Column text(String name) {
            return new Column(name, "text");
        }

        boolean isArray() {
            return type.endsWith("[]");
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
     * The same insert in the current transaction, leaving out each row whose key (or another unique
     * constraint) is already taken ({@code on conflict do nothing}): for a table that keeps what an
     * event said once per event id.
     */
    public static <T> Uni<Void> intoUnlessPresent(String table, List<Column> columns, List<T> rows,
            Function<T, List<Object>> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return CurrentTransaction.execute(unnestInsert(table, columns) + " on conflict do nothing",
                columnArrays(columns.size(), rows, values)).replaceWithVoid();
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
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        StringBuilder selected = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        boolean anArray = false;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String comma = c == 0 ? "" : ", ";
            names.append(comma).append(column.name());
            arrays.append(comma).append('$').append(c + 1).append("::text[]");
            if (!"text".equals(column.type()) && !column.isArray()) {
                arrays.append("::").append(column.type()).append("[]");
            }
            aliases.append(comma).append('c').append(c + 1);
            selected.append(comma).append('c').append(c + 1);
            if (column.isArray()) {
                anArray = true;
                selected.append("::").append(column.type());
            }
        }
        String insert = "insert into " + table + " (" + names + ") select ";
        return anArray ? insert + selected + " from unnest(" + arrays + ") as u(" + aliases + ")"
                : insert + "* from unnest(" + arrays + ")";
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

    /**
     * PostgreSQL's input form of a value: ISO dates and times, plain decimals, null as SQL null, a
     * collection as an array literal with every element quoted.
     */
    static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> elements) {
            StringBuilder literal = new StringBuilder("{");
            for (Object element : elements) {
                literal.append(literal.length() == 1 ? "" : ",");
                String text = asText(element);
                if (text == null) {
                    literal.append("NULL");
                } else {
                    literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            return literal.append('}').toString();
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
