package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.persistence.SqlTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the read-model queries of the persistence classes on the reactive pool. Not Hibernate: these run from
 * timers and streams that have no Vert.x context, and they only read.
 */
@ApplicationScoped
class Reads {
    @Inject
    Pool pool;

    <T> Uni<List<T>> list(String sql, Function<Row, T> mapper, Object... params) {
        return query(sql, params).map(rows -> {
            List<T> out = new ArrayList<>();
            rows.forEach(row -> out.add(mapper.apply(row)));
            return out;
        });
    }

    <T> Uni<T> one(String sql, Function<Row, T> mapper, Object... params) {
        return list(sql, mapper, params).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Two columns as a map, in row order. */
    <K, V> Uni<Map<K, V>> map(String sql, Function<Row, K> key, Function<Row, V> value, Object... params) {
        return query(sql, params).map(rows -> {
            Map<K, V> out = new LinkedHashMap<>();
            rows.forEach(row -> out.put(key.apply(row), value.apply(row)));
            return out;
        });
    }

    private Uni<RowSet<Row>> query(String sql, Object... params) {
        Tuple tuple = Tuple.tuple();
        for (Object p : params) {
            tuple.addValue(p instanceof Instant instant ? SqlTime.utc(instant) : p);
        }
        return pool.preparedQuery(sql).execute(tuple);
    }

    static Instant instant(Row row, String column) {
        return SqlTime.instant(row.getValue(column));
    }

    /** A count or sum; NULL (no rows to sum) is 0. */
    static long count(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0 : value;
    }
}
