package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * The {@code sms_messages} table: the provider's message ids already handled, with the answer each got, so the same
 * text handed on twice is answered the same and changes nothing the second time.
 */
@ApplicationScoped
public class SmsMessages {
    static final String RECORD = "INSERT INTO sms_messages (message_id, hub_id, outcome, request_id, tracking_code, "
            + "language, choices, handled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING";
    static final String TRACKING_CODE_WRITTEN = "trackingCode = ?1 where requestId = ?2";
    static final String FORGET = "handledAt < ?1";

    /** The answer given to this message id, or null when it is new. */
    public Uni<SmsMessageEntity> answerOf(String messageId) {
        return SmsMessageEntity.findById(messageId);
    }

    /**
     * Records the answer to a message id, in the caller's transaction; false when the id was recorded already (by a
     * call that did not wait for this one: the caller then gives up its own changes).
     */
    public Uni<Boolean> record(SmsMessageEntity answer) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD)
                .setParameter(1, answer.messageId).setParameter(2, answer.hubId).setParameter(3, answer.outcome)
                .setParameter(4, answer.requestId).setParameter(5, answer.trackingCode).setParameter(6, answer.language)
                .setParameter(7, answer.choices).setParameter(8, utc(answer.handledAt))
                .executeUpdate()).map(rows -> rows == 1);
    }

    /** A tracking code drawn again while the request was written: the answers that named the request say the new one. */
    public Uni<Integer> trackingCodeWritten(UUID requestId, String trackingCode) {
        return SmsMessageEntity.update(TRACKING_CODE_WRITTEN, trackingCode, requestId);
    }

    public Uni<Long> forgetBefore(Instant cutoff) {
        return SmsMessageEntity.delete(FORGET, cutoff);
    }
}
