package org.tredegar.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.audit.v1.AuditEntryRecorded;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit chain on the real PostgreSQL and Kafka: every entry is published as it commits (and only if it commits),
 * the published copy carries the same hashes, and an edit to a stored row is found by verify.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class AuditTrailTest {
    @Inject
    AuditTrail audit;

    @Test
    void everyEntryIsPublishedWithItsHashesAndTheChainVerifies() throws Throwable {
        UUID hub = UUID.randomUUID();
        List<AuditTrail.Entry> written = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                audit.record(hub, "coordinator:c1", "contact-read", "req-1", "role=coordinator")
                        .chain(a -> audit.record(hub, "system", "match", "req-1", "")
                                .map(b -> List.of(a, b)))));

        List<AuditEntryRecorded> published = publishedFor(hub, 2);
        assertThat(published).extracting(AuditEntryRecorded::seq).containsExactly(1L, 2L);
        assertThat(published).extracting(AuditEntryRecorded::hash).containsExactly(written.get(0).hash(), written.get(1).hash());
        assertThat(published.get(1).prevHash()).isEqualTo(published.get(0).hash());
        assertThat(published.get(0).prevHash()).isEmpty();
        assertThat(published).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo("platform-test");
            assertThat(e.hubId()).isEqualTo(hub);
        });
        assertThat(published.get(0).actor()).isEqualTo("coordinator:c1");
        assertThat(published.get(0).action()).isEqualTo("contact-read");

        AuditTrail.Verification verification = VertxContextSupport.subscribeAndAwait(() -> audit.verify(hub));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(2);
    }

    @Test
    void anEntryWhoseTransactionRollsBackIsNeitherStoredNorPublished() {
        UUID hub = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                audit.record(hub, "system", "match", "req-2", "")
                        .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("the action failed"))))))
                .hasMessageContaining("the action failed");

        assertThat(ReliableMessagingTest.sql("SELECT count(*) FROM audit_log WHERE hub_id = '" + hub + "'")).isZero();
        assertThat(ReliableMessagingTest.sql("SELECT count(*) FROM outbox WHERE message_key = '" + hub + "'")).isZero();
    }

    @Test
    void anEditedRowIsFoundByVerifyAndDiffersFromThePublishedCopy() throws Throwable {
        UUID hub = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                audit.record(hub, "coordinator:c1", "assign", "req-3", "volunteer=v1")
                        .chain(() -> audit.record(hub, "coordinator:c1", "close", "req-3", ""))
                        .chain(() -> audit.record(hub, "coordinator:c1", "contact-read", "req-3", ""))));
        // An insider with database access rewrites who the task went to (the trigger has to be switched off first).
        try (Connection c = ReliableMessagingTest.connection()) {
            c.createStatement().execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
            try {
                c.createStatement().execute("UPDATE audit_log SET detail = 'volunteer=v2' WHERE hub_id = '" + hub + "' AND seq = 1");
            } finally {
                c.createStatement().execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
            }
        }

        AuditTrail.Verification verification = VertxContextSupport.subscribeAndAwait(() -> audit.verify(hub));
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(1L);
        assertThat(verification.reason()).contains("changed after it was written");
        assertThat(publishedFor(hub, 3).get(0).detail()).isEqualTo("volunteer=v1");
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        UUID hub = UUID.randomUUID();
        assertThatThrownBy(() -> {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.record(hub, "system", "match", "req-4", "")));
            try (Connection c = ReliableMessagingTest.connection()) {
                c.createStatement().execute("DELETE FROM audit_log WHERE hub_id = '" + hub + "'");
            }
        }).hasMessageContaining("append-only");
        assertThat(ReliableMessagingTest.sql("SELECT count(*) FROM audit_log WHERE hub_id = '" + hub + "'")).isEqualTo(1);
    }

    private static List<AuditEntryRecorded> publishedFor(UUID hub, int expected) {
        String key = hub.toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> records(key).size() >= expected);
        return records(key).stream().map(r -> EventJson.read(r.value(), AuditEntryRecorded.class)).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> records(String key) {
        return KafkaTestClient.read(Topics.AUDIT, Duration.ofSeconds(2), seen -> false).stream()
                .filter(r -> key.equals(r.key()))
                .filter(r -> "org.tredegar.audit.AuditEntryRecorded.v1".equals(KafkaTestClient.header(r, "ce_type")))
                .toList();
    }
}
