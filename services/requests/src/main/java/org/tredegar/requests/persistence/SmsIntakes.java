package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * The {@code sms_intakes} table: conversations by text on their way to becoming requests, one per phone number.
 * Every text from a number is handled holding that number's lock ({@link #holdNumber}), so two texts sent at once
 * are handled one after the other and never open two conversations; the timeout job claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and so never takes a conversation a text is changing.
 */
@ApplicationScoped
public class SmsIntakes {
    /** The advisory locks' first key: this table's, apart from every other use of advisory locks. */
    static final int NUMBER_LOCKS = 0x534D5331;
    /**
     * A transaction lock on the number's hash. The hash goes in as a one-element list so Hibernate does not cache a
     * plan per run of this native select (ADR 0007): it runs for every text.
     */
    static final String HOLD_NUMBER = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(" + NUMBER_LOCKS
            + ", hashtext(k)) FROM unnest(ARRAY[?1]) AS k) AS locked";
    /** Conversations left unanswered since ?1, and ones whose request has been "being written" since ?2 (a crash). */
    static final String DUE = "SELECT contact_hash FROM sms_intakes WHERE (step IN ('asked-what', 'asked-where') "
            + "AND updated_at <= ?1) OR (step = 'submitting' AND updated_at <= ?2) "
            + "ORDER BY updated_at LIMIT ?3 FOR UPDATE SKIP LOCKED";
    static final String MARK_SUBMITTED = "step = :submitted, trackingCode = :code, description = '', category = null, "
            + "area = null, lat = null, lon = null, keyId = null, nonce = null, ciphertext = null, submittedAt = :now, "
            + "updatedAt = :now where contactHash = :hash and requestId = :request and step = :submitting";
    static final String FORGET_SUBMITTED = "step = ?1 and submittedAt < ?2";

    /** Takes the number's lock until the transaction ends. Call inside a transaction. */
    public Uni<Void> holdNumber(String contactHash) {
        return Panache.getSession().chain(s -> s.createNativeQuery(HOLD_NUMBER, Long.class)
                .setParameter(1, List.of(contactHash)).getSingleResult()).replaceWithVoid();
    }

    /** The number's conversation, locked until the transaction ends; null when there is none. */
    public Uni<SmsIntakeEntity> lock(String contactHash) {
        return SmsIntakeEntity.findById(contactHash, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Claims up to {@code limit} conversations nobody answered since {@code idleSince}, or whose request has been
     * being written since {@code stuckSince}. Call inside a transaction: they stay locked until it ends.
     */
    public Uni<List<String>> claimDue(Instant idleSince, Instant stuckSince, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DUE, String.class)
                .setParameter(1, utc(idleSince)).setParameter(2, utc(stuckSince)).setParameter(3, limit).getResultList());
    }

    /**
     * The request is written: the row forgets the text, the place and the number, and keeps the request and its
     * tracking code (as written) for recognising a repeated first text. 0 when another call got there first.
     */
    public Uni<Integer> markSubmitted(String contactHash, UUID requestId, String trackingCode, Instant now) {
        return SmsIntakeEntity.update(MARK_SUBMITTED, Parameters.with("submitted", SmsIntakeEntity.Step.SUBMITTED)
                .and("code", trackingCode).and("now", now).and("hash", contactHash).and("request", requestId)
                .and("submitting", SmsIntakeEntity.Step.SUBMITTING));
    }

    /** Forgets conversations whose request was written before {@code cutoff}; returns how many. */
    public Uni<Long> forgetSubmittedBefore(Instant cutoff) {
        return SmsIntakeEntity.delete(FORGET_SUBMITTED, SmsIntakeEntity.Step.SUBMITTED, cutoff);
    }
}
