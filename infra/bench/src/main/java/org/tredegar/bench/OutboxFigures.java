package org.tredegar.bench;

import org.tredegar.testing.SharedInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * What a service's outbox says of a measured window: the events written in it, how many the relay published, and
 * how long from commit to Kafka (p50, p99, ms).
 */
record OutboxFigures(long written, long published, double commitToKafkaP50Millis, double commitToKafkaP99Millis,
                     double seconds) {

    static OutboxFigures of(String database, Instant from, Instant to) throws Exception {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*), count(published_at), "
                             + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)), "
                             + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)) "
                             + "FROM outbox WHERE created_at BETWEEN '" + from + "' AND '" + to + "'")) {
            rs.next();
            return new OutboxFigures(rs.getLong(1), rs.getLong(2), rs.getDouble(3) * 1000, rs.getDouble(4) * 1000,
                    Duration.between(from, to).toMillis() / 1000.0);
        }
    }

    double writtenPerSecond() {
        return written / seconds;
    }

    double publishedPerSecond() {
        return published / seconds;
    }
}
