package org.tredegar.requests.persistence;

import io.vertx.mutiny.sqlclient.Tuple;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parameters of a statement on the reactive pool, declared once each by name, SQL type and where its value comes
 * from. SQL text names them ({@code :hub_id}); {@link #bindOne} and {@link #bindEach} turn that into PostgreSQL's
 * numbered, cast placeholders ({@code $2::uuid}, or {@code $2::uuid[]} when every row's values go in as one array
 * for {@code unnest}) and bind the values in the same order, so the text and the values cannot drift apart the way
 * hand-numbered {@code $1..$37} could. The SQL is built once, when the statement is declared: what runs is a plain
 * prepared statement, one round trip, as before.
 *
 * @param <R> what one row's values are read from
 */
final class NamedParameters<R> {
    /** {@code :name}, but not the second colon of a {@code ::type} cast. */
    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z][a-z0-9_]*)");

    private record Parameter<R>(String name, String sqlType, Class<?> javaType, Function<R, ?> value) {
    }

    private final Map<String, Parameter<R>> declared = new LinkedHashMap<>();

    /** Declares {@code :name}: bound as {@code sqlType}, its value read by {@code value} as a {@code javaType}. */
    <T> NamedParameters<R> add(String name, String sqlType, Class<T> javaType, Function<R, ? extends T> value) {
        if (declared.putIfAbsent(name, new Parameter<>(name, sqlType, javaType, value)) != null) {
            throw new IllegalArgumentException("parameter :" + name + " is declared twice");
        }
        return this;
    }

    /** These parameters and then {@code more}'s, as a new declaration. */
    NamedParameters<R> and(NamedParameters<R> more) {
        NamedParameters<R> both = new NamedParameters<>();
        both.declared.putAll(declared);
        more.declared.forEach((name, p) -> {
            if (both.declared.putIfAbsent(name, p) != null) {
                throw new IllegalArgumentException("parameter :" + name + " is declared twice");
            }
        });
        return both;
    }

    /** {@code :a, :b, :c}: every declared parameter, in declaration order (e.g. the arguments of {@code unnest}). */
    String placeholders() {
        return declared.keySet().stream().map(name -> ":" + name).collect(Collectors.joining(", "));
    }

    /** {@code a, b, c}: the declared names, in declaration order (e.g. the column aliases of {@code unnest}). */
    String names() {
        return String.join(", ", declared.keySet());
    }

    /** A statement that binds one row's values. */
    Statement<R> bindOne(String sql) {
        return compile(sql, false);
    }

    /** A statement that binds many rows: each parameter as one array, one element per row, in the rows' order. */
    Statement<R> bindEach(String sql) {
        return compile(sql, true);
    }

    private Statement<R> compile(String sql, boolean arrays) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Matcher m = NAME.matcher(sql);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            Parameter<R> p = declared.get(m.group(1));
            if (p == null) {
                throw new IllegalArgumentException("parameter :" + m.group(1) + " is not declared in " + sql);
            }
            int number = numbers.computeIfAbsent(p.name(), name -> numbers.size() + 1);
            m.appendReplacement(text, Matcher.quoteReplacement("$" + number + "::" + p.sqlType() + (arrays ? "[]" : "")));
        }
        m.appendTail(text);
        List<Parameter<R>> order = numbers.keySet().stream().map(declared::get).toList();
        return new Statement<>(text.toString(), order, arrays);
    }

    /** The SQL with numbered placeholders, and how to bind values to it. */
    static final class Statement<R> {
        private final String sql;
        private final List<Parameter<R>> order;
        private final boolean arrays;

        private Statement(String sql, List<Parameter<R>> order, boolean arrays) {
            this.sql = sql;
            this.order = order;
            this.arrays = arrays;
        }

        String sql() {
            return sql;
        }

        Tuple values(R row) {
            if (arrays) {
                throw new IllegalStateException("a statement over many rows: " + sql);
            }
            List<Object> values = new ArrayList<>(order.size());
            for (Parameter<R> p : order) {
                values.add(p.value().apply(row));
            }
            return Tuple.wrap(values);
        }

        /**
         * One array per parameter, of the parameter's Java type ({@code UUID[]}, {@code String[]}, ...), which is how
         * the client encodes {@code uuid[]}, {@code text[]} and the rest.
         */
        Tuple values(List<R> rows) {
            if (!arrays) {
                throw new IllegalStateException("a single-row statement: " + sql);
            }
            int n = rows.size();
            // A mutable list: the client may convert values in place while encoding them (an immutable one fails
            // there, on the event loop, and the statement never runs).
            List<Object> values = new ArrayList<>(order.size());
            for (Parameter<R> p : order) {
                Object[] column = (Object[]) Array.newInstance(p.javaType(), n);
                for (int i = 0; i < n; i++) {
                    column[i] = p.value().apply(rows.get(i));
                }
                values.add(column);
            }
            return Tuple.wrap(values);
        }
    }
}
