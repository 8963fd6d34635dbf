package io.tradecredit.common.persistence;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inserts many rows with one statement instead of one per row: all rows go as one array per
 * column into a single {@code insert ... select * from unnest(...)}: a handful of parameters and
 * one executor run however many rows, which is what a hot bulk path (a batch import) wants.
 * A column of an array type ({@code uuid[]}, {@code text[]}) takes a collection per row; since
 * {@code unnest} would flatten an array of arrays, each row's array travels as its literal text and
 * is cast back after the unnest. A column of a type the client writes itself ({@code uuid}, {@code date},
 * {@code int}, {@code bigint}, {@code numeric}, {@code boolean}) whose values are all of its Java class
 * travels as a typed array: no text built per cell here, none parsed per cell there. A column
 * given other values (a uuid as a string) travels as text, as before. A {@code text} or {@code jsonb} column whose values are all UTF-8
 * bytes ({@code byte[]}, JSON a serializer wrote as bytes) travels as {@code bytea[]} and is decoded
 * by the database: the client copies bytes instead of encoding each string a char at a time, which
 * for a dunning run's large request payloads was a tenth of the service's time (docs/performance.md).
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
        Parameters p = columnArrays(columns, rows, values);
        return CurrentTransaction.execute(unnestInsert(table, columns, p.forms()), p.tuple()).replaceWithVoid();
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
        Parameters p = columnArrays(columns, rows, values);
        return CurrentTransaction.execute(unnestInsert(table, columns, p.forms()) + " on conflict do nothing", p.tuple())
                .replaceWithVoid();
    }

    /**
     * {@link #intoUnlessPresent}, answering the {@code key} of each row inserted (a row whose key was
     * taken, before or by an earlier row of the same call, is not among them): for rows whose
     * effects follow only when they are new (a message's first status event).
     */
    public static <T> Uni<Set<Object>> intoUnlessPresent(String table, List<Column> columns, List<T> rows,
            Function<T, List<Object>> values, String key) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Parameters p = columnArrays(columns, rows, values);
        return CurrentTransaction.execute(unnestInsert(table, columns, p.forms()) + " on conflict do nothing returning " + key,
                p.tuple()).map(inserted -> {
                    Set<Object> keys = new HashSet<>();
                    inserted.forEach(row -> keys.add(row.getValue(key)));
                    return keys;
                });
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
        Parameters p = columnArrays(columns, rows, values);
        return client.preparedQuery(unnestInsert(table, columns, p.forms())).execute(p.tuple()).replaceWithVoid();
    }

    /**
     * How a column's values travel: as text PostgreSQL casts to the column's type, as UTF-8 bytes it
     * decodes, or as an array of the type's Java class ({@link #TYPED}) the client encodes itself.
     */
    enum Form {
        TEXT, UTF8, TYPED
    }

    /**
     * The column types sent as typed arrays, and the Java class their values must all have. Not
     * timestamptz: the client's binary form cuts a nanosecond clock's value where PostgreSQL's text
     * input rounds it.
     */
    static final Map<String, Class<?>> TYPED = Map.of("uuid", UUID.class, "date", LocalDate.class, "int", Integer.class,
            "integer", Integer.class, "bigint", Long.class, "numeric", BigDecimal.class, "boolean", Boolean.class);

    /** The statement's parameters: one array per column, and the form each travels in. */
    private record Parameters(Tuple tuple, List<Form> forms) {
    }

    static String unnestInsert(String table, List<Column> columns, List<Form> forms) {
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        StringBuilder selected = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        boolean cast = false;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String comma = c == 0 ? "" : ", ";
            names.append(comma).append(column.name());
            aliases.append(comma).append('c').append(c + 1);
            if (forms.get(c) == Form.UTF8) {
                cast = true;
                arrays.append(comma).append('$').append(c + 1).append("::bytea[]");
                selected.append(comma).append("convert_from(c").append(c + 1).append(", 'UTF8')");
                if (!"text".equals(column.type())) {
                    selected.append("::").append(column.type());
                }
                continue;
            }
            if (forms.get(c) == Form.TYPED) {
                arrays.append(comma).append('$').append(c + 1).append("::").append(column.type()).append("[]");
                selected.append(comma).append('c').append(c + 1);
                continue;
            }
            arrays.append(comma).append('$').append(c + 1).append("::text[]");
            if (!"text".equals(column.type()) && !column.isArray()) {
                arrays.append("::").append(column.type()).append("[]");
            }
            selected.append(comma).append('c').append(c + 1);
            if (column.isArray()) {
                cast = true;
                selected.append("::").append(column.type());
            }
        }
        String insert = "insert into " + table + " (" + names + ") select ";
        return cast ? insert + selected + " from unnest(" + arrays + ") as u(" + aliases + ")"
                : insert + "* from unnest(" + arrays + ")";
    }

    private static <T> Parameters columnArrays(List<Column> columns, List<T> rows, Function<T, List<Object>> values) {
        int width = columns.size();
        Object[][] cells = new Object[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = values.apply(rows.get(r));
            if (row.size() != width) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " values for " + width + " columns");
            }
            for (int c = 0; c < width; c++) {
                cells[c][r] = row.get(c);
            }
        }
        List<Object> parameters = new ArrayList<>(width);
        List<Form> forms = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Form form = formOf(columns.get(c), cells[c]);
            forms.add(form);
            parameters.add(switch (form) {
                case UTF8 -> utf8(cells[c]);
                case TYPED -> typed(TYPED.get(columns.get(c).type()), cells[c]);
                case TEXT -> text(cells[c]);
            });
        }
        return new Parameters(Tuple.from(parameters), forms);
    }

    /**
     * UTF-8 bytes for a text or jsonb column all of whose values are bytes (or null); typed for a
     * column of {@link #TYPED} all of whose values are of its class (or null); text otherwise.
     */
    static Form formOf(Column column, Object[] values) {
        Class<?> typed = TYPED.get(column.type());
        if (typed != null) {
            for (Object value : values) {
                if (value != null && value.getClass() != typed) {
                    return Form.TEXT;
                }
            }
            return Form.TYPED;
        }
        if (!"text".equals(column.type()) && !"jsonb".equals(column.type())) {
            return Form.TEXT;
        }
        boolean bytes = false;
        for (Object value : values) {
            if (value instanceof byte[]) {
                bytes = true;
            } else if (value != null) {
                return Form.TEXT;
            }
        }
        return bytes ? Form.UTF8 : Form.TEXT;
    }

    private static Buffer[] utf8(Object[] values) {
        Buffer[] out = new Buffer[values.length];
        for (int r = 0; r < values.length; r++) {
            // wrapped, not copied
            out[r] = values[r] == null ? null : Buffer.buffer(Unpooled.wrappedBuffer((byte[]) values[r]));
        }
        return out;
    }

    /** The values as an array of their class ({@code UUID[]}, ...), the form the client encodes for the type. */
    private static Object typed(Class<?> type, Object[] values) {
        Object out = Array.newInstance(type, values.length);
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }

    private static String[] text(Object[] values) {
        String[] out = new String[values.length];
        for (int r = 0; r < values.length; r++) {
            out[r] = asText(values[r]);
        }
        return out;
    }

    /**
     * PostgreSQL's input form of a value: ISO dates and times, plain decimals, UTF-8 bytes decoded,
     * null as SQL null, a collection as an array literal with every element quoted.
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
        if (value instanceof byte[] utf8) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }
}
