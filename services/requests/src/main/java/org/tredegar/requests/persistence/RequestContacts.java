package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.requests.domain.RequestLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * The {@code request_contacts} table: sealed contacts, apart from the requests. (One is read with
 * {@code RequestContactEntity.findById}; {@code ContactBook} is the only place that opens it.)
 */
@ApplicationScoped
public class RequestContacts {
    /**
     * The contacts of requests finished before ?1 (at most ?2 of them, oldest first), and with them the lookup hash,
     * pending erasure codes and the sealed copies of one-time codes. The request itself stays.
     */
    static final String ERASE_OF_FINISHED = "WITH due AS (SELECT id FROM help_requests WHERE closed_at <= ?1 "
            + "AND status IN (" + SlugColumns.sqlList(RequestLifecycle.FINISHED) + ") AND (contact_hash IS NOT NULL "
            + "OR EXISTS (SELECT 1 FROM request_contacts c WHERE c.request_id = help_requests.id)) "
            + "ORDER BY closed_at LIMIT ?2 FOR UPDATE SKIP LOCKED), "
            + "gone AS (DELETE FROM request_contacts WHERE request_id IN (SELECT id FROM due)), "
            + "codes AS (DELETE FROM contact_erasure_codes WHERE request_id IN (SELECT id FROM due)), "
            + "sealed AS (UPDATE one_time_codes SET key_id = NULL, nonce = NULL, sealed_code = NULL, ended_at = now() "
            + "WHERE request_id IN (SELECT id FROM due) AND ended_at IS NULL) "
            // version + 1: a coordinator's change racing with the erasure fails its optimistic check instead of
            // writing the hash back.
            + "UPDATE help_requests SET contact_hash = NULL, version = version + 1 WHERE id IN (SELECT id FROM due)";

    /** The channel of each request's contact, for the requests that still have one. */
    public Uni<Map<UUID, ContactChannel>> channelsOf(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return RequestContactEntity.<RequestContactEntity>list("requestId in ?1", requestIds)
                .map(contacts -> contacts.stream().collect(Collectors.toMap(c -> c.requestId, c -> c.channel)));
    }

    /**
     * Erases the contacts of up to {@code limit} requests finished (fulfilled, cancelled, closed) before
     * {@code cutoff}; returns how many requests lost theirs. Call inside a transaction.
     */
    public Uni<Integer> eraseOfRequestsFinishedBefore(Instant cutoff, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ERASE_OF_FINISHED)
                .setParameter(1, utc(cutoff)).setParameter(2, limit).executeUpdate());
    }
}
