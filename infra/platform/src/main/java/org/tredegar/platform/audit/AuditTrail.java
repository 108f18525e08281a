package org.tredegar.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.tredegar.contracts.audit.v1.AuditEntryRecorded;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.platform.outbox.OutboxWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Appends to a hub's hash-chained audit log, inside the caller's transaction (so the audited action and its
 * entry commit together). Appends for one hub are serialised by a row lock on the hub's chain head.
 * Entries name actors and subjects by id only — never a person's name or contact.
 * <p>
 * Each entry is also published as {@code AuditEntryRecorded} through the outbox, in the same transaction: a copy
 * outside this service's database, so that someone able to rewrite the table (and recompute every hash after the
 * edit) is still caught by comparing with what was published at the time.
 */
@ApplicationScoped
public class AuditTrail {
    /** A new entry, its hub's new head and its AuditEntryRecorded event (parameters 10 to 16). */
    static final String APPEND = "WITH entry AS (INSERT INTO audit_log (hub_id, seq, at, actor, action, subject_id, detail, "
            + "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)), "
            + "head AS (UPDATE audit_heads SET last_seq = ?2, last_hash = ?9 WHERE hub_id = ?1) "
            + "INSERT INTO outbox (" + OutboxRow.COLUMNS + ") VALUES (?10, ?11, ?12, ?13, ?14, ?15, ?16)";

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public record Entry(UUID hubId, long seq, Instant at, String actor, String action, String subjectId,
                        String detail, String prevHash, String hash) {
    }

    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String reason) {
    }

    public Uni<Entry> record(UUID hubId, String actor, String action, String subjectId, String detail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String safeDetail = detail == null ? "" : detail;
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO audit_heads (hub_id, last_seq, last_hash) VALUES (?1, 0, '') ON CONFLICT DO NOTHING")
                .setParameter(1, hubId).executeUpdate()
                // "IN (?1)" with a one-element list, not "= ?1": Hibernate 7.2 caches a plan for every run of a native
                // select (its cache key never matches again), so each audited read would add one and every later
                // lookup walk them all; a multi-valued parameter makes Hibernate skip its plan cache (ADR 0007).
                .chain(() -> session.createNativeQuery("SELECT last_seq, last_hash FROM audit_heads WHERE hub_id IN (?1) FOR UPDATE",
                                Object[].class)
                        .setParameter(1, List.of(hubId)).getSingleResult())
                .chain(head -> {
                    long seq = ((Number) head[0]).longValue() + 1;
                    String prev = (String) head[1];
                    Entry entry = new Entry(hubId, seq, at, actor, action, subjectId, safeDetail, prev,
                            hash(prev, hubId, seq, at, actor, action, subjectId, safeDetail));
                    OutboxRow event = outbox.row(published(entry));
                    // The head stays locked until the caller commits, so every hub's appends queue behind this
                    // statement: entry, new head and event in one round trip instead of three.
                    Mutiny.Query<Object> append = session.createNativeQuery(APPEND)
                            .setParameter(1, hubId).setParameter(2, seq).setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                            .setParameter(4, actor).setParameter(5, action).setParameter(6, subjectId).setParameter(7, safeDetail)
                            .setParameter(8, prev).setParameter(9, entry.hash());
                    return OutboxWriter.bind(append, 10, event).executeUpdate()
                            .invoke(outbox::commitExpected)
                            .replaceWith(entry);
                }));
    }

    private AuditEntryRecorded published(Entry e) {
        return new AuditEntryRecorded(e.hubId(), service, e.seq(), e.actor(), e.action(), e.subjectId(), e.detail(),
                e.prevHash(), e.hash(), e.at());
    }

    /** A page of a hub's log, newest last, from {@code afterSeq}. */
    public Uni<List<Entry>> read(UUID hubId, long afterSeq, int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT hub_id, seq, at, actor, action, subject_id, detail, prev_hash, hash FROM audit_log "
                        + "WHERE hub_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3", Object[].class)
                .setParameter(1, hubId).setParameter(2, afterSeq).setParameter(3, limit)
                .getResultList()))
                .map(rows -> rows.stream().map(AuditTrail::toEntry).toList());
    }

    /** Recomputes the whole chain and names the first entry whose hash or link does not hold. */
    public Uni<Verification> verify(UUID hubId) {
        return read(hubId, 0, Integer.MAX_VALUE).map(entries -> {
            String prev = "";
            long expectedSeq = 1;
            for (Entry e : entries) {
                if (e.seq() != expectedSeq) {
                    return new Verification(false, entries.size(), expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(prev)) {
                    return new Verification(false, entries.size(), e.seq(), "entry " + e.seq() + " does not link to the one before");
                }
                String expected = hash(prev, e.hubId(), e.seq(), e.at(), e.actor(), e.action(), e.subjectId(), e.detail());
                if (!expected.equals(e.hash())) {
                    return new Verification(false, entries.size(), e.seq(), "entry " + e.seq() + " was changed after it was written");
                }
                prev = e.hash();
                expectedSeq++;
            }
            return new Verification(true, entries.size(), null, null);
        });
    }

    static Entry toEntry(Object[] row) {
        Object at = row[2];
        Instant instant = at instanceof OffsetDateTime odt ? odt.toInstant() : at instanceof Instant i ? i
                : ((java.time.LocalDateTime) at).toInstant(ZoneOffset.UTC);
        return new Entry((UUID) row[0], ((Number) row[1]).longValue(), instant, (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7], (String) row[8]);
    }

    static String hash(String prev, UUID hubId, long seq, Instant at, String actor, String action, String subjectId,
                       String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields: no two different entries can produce the same byte string.
            for (String field : List.of(prev, hubId.toString(), Long.toString(seq), at.toString(), actor, action, subjectId, detail)) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
