package org.tredegar.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Moves committed outbox rows to Kafka, one batch per call, in id order.
 * <p>
 * One relay per database publishes at a time (a transaction-scoped advisory lock), because two relays taking
 * alternate rows with SKIP LOCKED could publish a request's second event before its first. The rows are marked
 * published only after Kafka acknowledged every record of the batch (acks=all, idempotent producer); a crash in
 * between publishes the batch again, which the idempotent consumers absorb: at least once, in order per key.
 */
public class OutboxPublisher {
    /** Arbitrary but fixed: the advisory lock every relay of a service database competes for. */
    static final long RELAY_LOCK = 0x7265_6465_6761_72L;

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final int batchSize;

    public OutboxPublisher(Pool pool, Producer<String, byte[]> producer, int batchSize) {
        this.pool = pool;
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /** Publishes up to one batch; returns how many events were published (0 when another relay holds the lock). */
    public Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0) ? publishLocked(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishLocked(SqlConnection connection) {
        return connection.preparedQuery("SELECT id, event_id, topic, message_key, type, source, occurred_at, payload "
                        + "FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1")
                .execute(Tuple.of(batchSize))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : send(rows).chain(ids -> connection
                        .preparedQuery("UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY($1)")
                        .execute(Tuple.of(ids.toArray(new Long[0])))
                        .replaceWith(ids.size())));
    }

    private Uni<List<Long>> send(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(toRecord(row), (metadata, error) -> {
                if (error == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(error);
                }
            });
            acks.add(ack);
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])))
                .replaceWith(ids);
    }

    static ProducerRecord<String, byte[]> toRecord(Row row) {
        String key = row.getString("message_key");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"), key,
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        OffsetDateTime time = row.getOffsetDateTime("occurred_at");
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, row.getUUID("event_id").toString());
        header(record, CloudEventHeaders.SOURCE, row.getString("source"));
        header(record, CloudEventHeaders.TYPE, row.getString("type"));
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(time.toInstant()));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes published rows older than the retention, so the outbox stays small. */
    public Uni<Integer> prune(java.time.Duration retention) {
        return pool.preparedQuery("DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(RowSet::rowCount);
    }
}
