package io.tradecredit.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small PromQL evaluator, promtool-style, for the subset the chart's alert rules use: selectors
 * with {@code = != =~ !~}, range selectors, {@code offset}, {@code rate}, {@code increase},
 * {@code deriv}, {@code time}, {@code histogram_quantile}, {@code sum/max/min/count/avg by},
 * arithmetic, comparisons (filtering) and {@code and/or/unless}, vectors matched one-to-one on all
 * labels but the name. Simplifications, irrelevant to the thresholds tested: {@code rate} and
 * {@code increase} do not extrapolate to the range's edges (counter resets are handled); the
 * lookback of an instant selector is 5 minutes. Something outside the subset fails the parse, so a
 * rule using a new function cannot pass untested.
 */
final class PromQl {
    static final long LOOKBACK = 300;
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<num>[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)(?![a-zA-Z_0-9.])|(?<dur>[0-9]+[smhdw])|(?<id>[a-zA-Z_:][a-zA-Z0-9_:]*)"
                    + "|(?<str>\"(?:[^\"\\\\]|\\\\.)*\")|(?<op>=~|!~|==|!=|>=|<=|[-+*/(){}\\[\\],=<>]))");

    /** One time series: labels (with {@code __name__}) and samples by epoch second. */
    record Series(Map<String, String> labels, NavigableMap<Long, Double> samples) {
    }

    /** One element of an instant vector. */
    record Sample(Map<String, String> labels, double value) {
    }

    /** A value: a scalar ({@code vector} null) or an instant vector. */
    private record Value(Double scalar, List<Sample> vector) {
        static Value of(double scalar) {
            return new Value(scalar, null);
        }

        static Value of(List<Sample> vector) {
            return new Value(null, vector);
        }

        boolean isScalar() {
            return vector == null;
        }
    }

    private final List<Series> data;
    private final List<String> tokens = new ArrayList<>();
    private int pos;
    private long time;

    private PromQl(String expression, List<Series> data) {
        this.data = data;
        Matcher m = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group().strip());
            at = m.end();
        }
        if (!expression.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot read '" + expression.substring(at) + "' of " + expression);
        }
    }

    /** The expression's instant vector at {@code time} (a scalar result is a vector of one unlabelled sample). */
    static List<Sample> evaluate(String expression, List<Series> data, long time) {
        PromQl q = new PromQl(expression, data);
        q.time = time;
        Value v = q.expr();
        if (q.pos != q.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + q.tokens.get(q.pos) + "' in " + expression);
        }
        return v.isScalar() ? List.of(new Sample(Map.of(), v.scalar())) : v.vector();
    }

    // --- grammar, lowest precedence first ------------------------------------------------------

    private Value expr() {
        Value left = andUnless();
        while (accept("or")) {
            left = setOp("or", left, andUnless());
        }
        return left;
    }

    private Value andUnless() {
        Value left = comparison();
        while (peek("and") || peek("unless")) {
            String op = next();
            left = setOp(op, left, comparison());
        }
        return left;
    }

    private Value comparison() {
        Value left = additive();
        while (peek(">") || peek("<") || peek("==") || peek("!=") || peek(">=") || peek("<=")) {
            String op = next();
            left = binary(op, left, additive());
        }
        return left;
    }

    private Value additive() {
        Value left = multiplicative();
        while (peek("+") || peek("-")) {
            String op = next();
            left = binary(op, left, multiplicative());
        }
        return left;
    }

    private Value multiplicative() {
        Value left = primary();
        while (peek("*") || peek("/")) {
            String op = next();
            left = binary(op, left, primary());
        }
        return left;
    }

    private Value primary() {
        String t = next();
        if (t.equals("(")) {
            Value v = expr();
            expect(")");
            return v;
        }
        if (Character.isDigit(t.charAt(0))) {
            return Value.of(Double.parseDouble(t));
        }
        if (Set.of("sum", "max", "min", "count", "avg").contains(t)) {
            return aggregation(t);
        }
        return switch (t) {
            case "time" -> {
                expect("(");
                expect(")");
                yield Value.of(time);
            }
            case "rate", "increase", "deriv" -> {
                expect("(");
                List<Series> ranges = new ArrayList<>();
                long[] window = rangeSelector(ranges);
                expect(")");
                yield Value.of(overRange(t, ranges, window[0], window[1]));
            }
            case "label_replace" -> {
                expect("(");
                List<Sample> in = expr().vector();
                String[] args = new String[4];
                for (int i = 0; i < 4; i++) {
                    expect(",");
                    args[i] = unquote(next());
                }
                expect(")");
                yield Value.of(labelReplace(in, args[0], args[1], args[2], args[3]));
            }
            case "histogram_quantile" -> {
                expect("(");
                double q = Double.parseDouble(next());
                expect(",");
                List<Sample> buckets = expr().vector();
                expect(")");
                yield Value.of(quantile(q, buckets));
            }
            default -> Value.of(instantSelector(t));
        };
    }

    /** Prometheus' label_replace: where the source label matches the (anchored) regex, the destination gets the expansion. */
    private static List<Sample> labelReplace(List<Sample> in, String dst, String replacement, String src, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<Sample> out = new ArrayList<>();
        for (Sample s : in) {
            Matcher m = pattern.matcher(s.labels().getOrDefault(src, ""));
            if (!m.matches()) {
                out.add(s);
                continue;
            }
            Map<String, String> labels = new TreeMap<>(s.labels());
            labels.put(dst, m.replaceFirst(replacement));
            out.add(new Sample(labels, s.value()));
        }
        return out;
    }

    private Value aggregation(String op) {
        List<String> by = accept("by") ? labelList() : null;
        expect("(");
        List<Sample> in = expr().vector();
        expect(")");
        if (by == null && accept("by")) {
            by = labelList();
        }
        Map<Map<String, String>, List<Double>> groups = new LinkedHashMap<>();
        for (Sample s : in) {
            Map<String, String> key = new TreeMap<>();
            if (by != null) {
                by.stream().filter(s.labels()::containsKey).forEach(l -> key.put(l, s.labels().get(l)));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.value());
        }
        List<Sample> out = new ArrayList<>();
        groups.forEach((labels, values) -> out.add(new Sample(labels, switch (op) {
            case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "count" -> values.size();
            default -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        })));
        return Value.of(out);
    }

    private List<String> labelList() {
        expect("(");
        List<String> labels = new ArrayList<>();
        while (!accept(")")) {
            labels.add(next());
            accept(",");
        }
        return labels;
    }

    // --- selectors -----------------------------------------------------------------------------

    private List<Series> select(String name) {
        List<String[]> matchers = new ArrayList<>();
        if (accept("{")) {
            while (!accept("}")) {
                String label = next();
                String op = next();
                String value = unquote(next());
                matchers.add(new String[] {label, op, value});
                accept(",");
            }
        }
        List<Series> out = new ArrayList<>();
        for (Series s : data) {
            if (!name.equals(s.labels().get("__name__"))) {
                continue;
            }
            boolean all = true;
            for (String[] m : matchers) {
                String actual = s.labels().getOrDefault(m[0], "");
                boolean match = switch (m[1]) {
                    case "=" -> actual.equals(m[2]);
                    case "!=" -> !actual.equals(m[2]);
                    case "=~" -> actual.matches(m[2]);
                    case "!~" -> !actual.matches(m[2]);
                    default -> throw new IllegalArgumentException("matcher " + m[1]);
                };
                all &= match;
            }
            if (all) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Sample> instantSelector(String name) {
        List<Series> series = select(name);
        long at = time - offset();
        List<Sample> out = new ArrayList<>();
        for (Series s : series) {
            Map.Entry<Long, Double> latest = s.samples().floorEntry(at);
            if (latest != null && latest.getKey() > at - LOOKBACK) {
                out.add(new Sample(s.labels(), latest.getValue()));
            }
        }
        return out;
    }

    /** Reads {@code name{...}[range] offset d}; returns {from, to} (from exclusive). */
    private long[] rangeSelector(List<Series> into) {
        into.addAll(select(next()));
        expect("[");
        long range = seconds(next());
        expect("]");
        long to = time - offset();
        return new long[] {to - range, to};
    }

    private long offset() {
        return accept("offset") ? seconds(next()) : 0;
    }

    private static List<Sample> overRange(String function, List<Series> series, long from, long to) {
        List<Sample> out = new ArrayList<>();
        for (Series s : series) {
            List<Map.Entry<Long, Double>> points = new ArrayList<>(s.samples().subMap(from, false, to, true).entrySet());
            if (points.size() < 2) {
                continue;
            }
            double value;
            if (function.equals("deriv")) {
                double n = points.size();
                double mx = points.stream().mapToDouble(Map.Entry::getKey).sum() / n;
                double my = points.stream().mapToDouble(Map.Entry::getValue).sum() / n;
                double num = 0;
                double den = 0;
                for (Map.Entry<Long, Double> p : points) {
                    num += (p.getKey() - mx) * (p.getValue() - my);
                    den += (p.getKey() - mx) * (p.getKey() - mx);
                }
                value = num / den;
            } else {
                double increase = 0;
                for (int i = 1; i < points.size(); i++) {
                    double prev = points.get(i - 1).getValue();
                    double cur = points.get(i).getValue();
                    increase += cur >= prev ? cur - prev : cur; // a reset starts again from 0
                }
                value = function.equals("rate") ? increase / (to - from) : increase;
            }
            Map<String, String> labels = new TreeMap<>(s.labels());
            labels.remove("__name__");
            out.add(new Sample(labels, value));
        }
        return out;
    }

    private static List<Sample> quantile(double q, List<Sample> buckets) {
        Map<Map<String, String>, TreeMap<Double, Double>> groups = new LinkedHashMap<>();
        for (Sample b : buckets) {
            Map<String, String> key = new TreeMap<>(b.labels());
            String le = key.remove("le");
            key.remove("__name__");
            groups.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), b.value());
        }
        List<Sample> out = new ArrayList<>();
        groups.forEach((labels, byBound) -> {
            double total = byBound.lastEntry().getValue();
            if (total == 0 || !byBound.lastKey().isInfinite()) {
                return;
            }
            double rank = q * total;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> b : byBound.entrySet()) {
                if (b.getValue() >= rank) {
                    double value = b.getKey().isInfinite() ? lower
                            : lower + (b.getKey() - lower) * (rank - below) / (b.getValue() - below);
                    out.add(new Sample(labels, value));
                    return;
                }
                lower = b.getKey();
                below = b.getValue();
            }
        });
        return out;
    }

    // --- operators -----------------------------------------------------------------------------

    private static Value binary(String op, Value left, Value right) {
        boolean comparison = Set.of(">", "<", "==", "!=", ">=", "<=").contains(op);
        if (left.isScalar() && right.isScalar()) {
            if (comparison) {
                throw new IllegalArgumentException("scalar comparison needs bool, which the subset lacks");
            }
            return Value.of(arithmetic(op, left.scalar(), right.scalar()));
        }
        List<Sample> out = new ArrayList<>();
        if (left.isScalar() || right.isScalar()) {
            List<Sample> vector = left.isScalar() ? right.vector() : left.vector();
            for (Sample s : vector) {
                double l = left.isScalar() ? left.scalar() : s.value();
                double r = right.isScalar() ? right.scalar() : s.value();
                apply(op, comparison, s.labels(), l, r, s.value(), out);
            }
            return Value.of(out);
        }
        Map<Map<String, String>, Sample> byLabels = new LinkedHashMap<>();
        right.vector().forEach(s -> byLabels.put(withoutName(s.labels()), s));
        for (Sample l : left.vector()) {
            Sample r = byLabels.get(withoutName(l.labels()));
            if (r != null) {
                apply(op, comparison, l.labels(), l.value(), r.value(), l.value(), out);
            }
        }
        return Value.of(out);
    }

    private static void apply(String op, boolean comparison, Map<String, String> labels, double l, double r,
            double kept, List<Sample> out) {
        if (!comparison) {
            out.add(new Sample(withoutName(labels), arithmetic(op, l, r)));
        } else if (switch (op) {
            case ">" -> l > r;
            case "<" -> l < r;
            case ">=" -> l >= r;
            case "<=" -> l <= r;
            case "==" -> l == r;
            default -> l != r;
        }) {
            out.add(new Sample(labels, kept));
        }
    }

    private static double arithmetic(String op, double l, double r) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            default -> l / r;
        };
    }

    private static Value setOp(String op, Value left, Value right) {
        Set<Map<String, String>> rightKeys = new HashSet<>();
        right.vector().forEach(s -> rightKeys.add(withoutName(s.labels())));
        List<Sample> out = new ArrayList<>();
        for (Sample s : left.vector()) {
            boolean inRight = rightKeys.contains(withoutName(s.labels()));
            if (op.equals("or") || (op.equals("and") == inRight)) {
                out.add(s);
            }
        }
        if (op.equals("or")) {
            Set<Map<String, String>> leftKeys = new HashSet<>();
            left.vector().forEach(s -> leftKeys.add(withoutName(s.labels())));
            right.vector().stream().filter(s -> !leftKeys.contains(withoutName(s.labels()))).forEach(out::add);
        }
        out.sort(Comparator.comparing(s -> s.labels().toString()));
        return Value.of(out);
    }

    private static Map<String, String> withoutName(Map<String, String> labels) {
        Map<String, String> copy = new TreeMap<>(labels);
        copy.remove("__name__");
        return copy;
    }

    // --- tokens --------------------------------------------------------------------------------

    private static long seconds(String duration) {
        long n = Long.parseLong(duration.substring(0, duration.length() - 1));
        return n * switch (duration.charAt(duration.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 604800;
        };
    }

    private static String unquote(String quoted) {
        if (!quoted.startsWith("\"")) {
            throw new IllegalArgumentException("expected a string, got " + quoted);
        }
        return quoted.substring(1, quoted.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of " + String.join(" ", tokens));
        }
        return tokens.get(pos++);
    }

    private void expect(String token) {
        String t = next();
        if (!t.equals(token)) {
            throw new IllegalArgumentException("expected '" + token + "', got '" + t + "' in " + String.join(" ", tokens));
        }
    }
}
