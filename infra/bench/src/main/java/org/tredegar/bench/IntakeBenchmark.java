package org.tredegar.bench;

import org.tredegar.testing.SharedInfra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Sustained anonymous intake through the API with the outbox on: every accepted request is a durable commit of the
 * request, its transition and its event, and the relay publishes the event to Kafka (acks=all).
 */
final class IntakeBenchmark {
    static String run(Platform platform) throws Exception {
        String url = platform.start("requests", Map.of("TREDEGAR_RATE_LIMIT_EXEMPT", "127.0.0.1,0:0:0:0:0:0:0:1,::1"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int callers = Integer.getInteger("bench.intake.callers", 32);
        Duration warmUp = Platform.seconds("bench.warmup", 15);
        Duration measure = Platform.seconds("bench.measure", 60);
        Instant measuredFrom = Instant.now().plus(warmUp);
        LoadDriver.Result result = LoadDriver.run(callers, warmUp, measure, (caller, seq) -> {
            double lat = 51.765 + (seq % 100) * 0.0002;
            String body = String.format(Locale.ROOT, "{\"category\":\"groceries\",\"urgency\":\"urgent\","
                    + "\"description\":\"Benchmark request %d\",\"location\":{\"lat\":%.5f,\"lon\":-3.2467},"
                    + "\"contact\":{\"channel\":\"sms\",\"value\":\"+44 7700 9%05d\"},\"language\":\"en\"}", seq, lat, seq % 100000);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/requests"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 202;
        });
        Instant measuredTo = measuredFrom.plus(measure);
        Thread.sleep(5000); // let the relay drain before reading its figures
        String outbox = outboxFigures(measuredFrom, measuredTo);
        return String.format(Locale.ROOT, """
                ### Request intake (issue 4) and outbox relay (issue 3)

                `POST /api/v1/requests` (anonymous, with an SMS contact sealed with AES-GCM), %d concurrent callers in a
                closed loop, %d s warm-up, %d s measured. Each call commits the request, its contact, its first transition
                and its RequestSubmitted outbox row in one durable PostgreSQL transaction (fsync on); the relay
                publishes to Kafka with acks=all.

                | figure | value |
                |---|---|
                | accepted requests/s (sustained) | %.0f |
                | latency p50 / p99 / max | %.1f ms / %.1f ms / %.1f ms |
                | calls measured (failures) | %d (%d) |
                %s
                Targets from the issues: ≥ 2,500 req/s with p99 ≤ 50 ms (intake).
                """, callers, warmUp.toSeconds(), measure.toSeconds(), result.perSecond(), result.p50Millis(),
                result.p99Millis(), result.maxMillis(), result.calls(), result.failures(), outbox);
    }

    static String outboxFigures(Instant from, Instant to) throws Exception {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("requests"), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*), count(published_at), "
                             + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)), "
                             + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)) "
                             + "FROM outbox WHERE created_at BETWEEN '" + from + "' AND '" + to + "'")) {
            rs.next();
            double seconds = Duration.between(from, to).toMillis() / 1000.0;
            return String.format(Locale.ROOT, "| outbox events published/s (same window) | %.0f |%n"
                            + "| commit → published to Kafka, p50 / p99 | %.1f ms / %.1f ms |%n"
                            + "| events written / published | %d / %d |%n",
                    rs.getLong(2) / seconds, rs.getDouble(3) * 1000, rs.getDouble(4) * 1000, rs.getLong(1), rs.getLong(2));
        }
    }
}
