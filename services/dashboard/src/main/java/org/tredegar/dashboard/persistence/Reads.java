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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Read-model queries on the reactive pool. Not Hibernate: these run from timers and streams that have no Vert.x
 * context, and they only read.
 */
@ApplicationScoped
public class Reads {
    @Inject
    Pool pool;

    public <T> Uni<List<T>> list(String sql, Function<Row, T> mapper, Object... params) {
        return query(sql, params).map(rows -> {
            List<T> out = new ArrayList<>();
            rows.forEach(row -> out.add(mapper.apply(row)));
            return out;
        });
    }

    public <T> Uni<T> one(String sql, Function<Row, T> mapper, Object... params) {
        return list(sql, mapper, params).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private Uni<RowSet<Row>> query(String sql, Object... params) {
        Tuple tuple = Tuple.tuple();
        for (Object p : params) {
            tuple.addValue(p instanceof Instant instant ? SqlTime.utc(instant) : p);
        }
        return pool.preparedQuery(sql).execute(tuple);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static long count(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0 : value;
    }
}
