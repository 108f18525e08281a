package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.requests.domain.EscalationPolicy;
import org.tredegar.requests.domain.RequestLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code help_requests} table, asked by intent: the lookups, the hub's queue and the due timers. (A request is
 * read by id with {@code HelpRequestEntity.findById} and changed through the entity; new ones are written by
 * {@link IntakeStatement}.)
 */
@ApplicationScoped
public class HelpRequests {
    /**
     * Due timers, claimed with {@code FOR UPDATE SKIP LOCKED} (why: {@code domain.DueRows}): locked until the
     * caller's transaction ends, and a row whose timer another replica just moved on no longer matches.
     */
    static final String DUE_ESCALATIONS = "SELECT CAST(id AS text) FROM help_requests WHERE escalate_at <= now() "
            + "AND status IN (" + SlugColumns.sqlList(RequestLifecycle.UNMATCHED) + ") "
            + "AND escalation_level < " + EscalationPolicy.MAX_LEVEL
            + " ORDER BY escalate_at LIMIT ?1 FOR UPDATE SKIP LOCKED";
    static final String DUE_FOLLOW_UPS = "SELECT CAST(id AS text) FROM help_requests WHERE follow_up_at <= now() "
            + "AND status = '" + RequestStatus.FULFILLED.slug() + "' ORDER BY follow_up_at LIMIT ?1 FOR UPDATE SKIP LOCKED";
    static final String LATEST_FROM_CONTACT = "contactHash = ?1 and status in ?2 order by submittedAt desc";
    static final String LATEST_FINISHED_FROM_CONTACT = "contactHash = ?1 and status in ?2 order by updatedAt desc";
    static final String QUEUE_ORDER = " order by urgencyRank, submittedAt, id";
    static final String AFTER_POSITION = " and (urgencyRank > :rank or (urgencyRank = :rank and submittedAt > :at)"
            + " or (urgencyRank = :rank and submittedAt = :at and id > :id))";

    /** A request's place in its hub's queue: the sort key, and the id to break ties. */
    public record QueuePosition(int urgencyRank, Instant submittedAt, UUID id) {
        public static QueuePosition of(HelpRequestEntity r) {
            return new QueuePosition(r.urgencyRank, r.submittedAt, r.id);
        }
    }

    /** Null when no request has this tracking code (give it normalised: {@code ABCD-EFGH}). */
    public Uni<HelpRequestEntity> byTrackingCode(String trackingCode) {
        return HelpRequestEntity.<HelpRequestEntity>find("trackingCode", trackingCode).firstResult();
    }

    /** The person's most recent request that is still open (found by the keyed hash of their contact), or null. */
    public Uni<HelpRequestEntity> latestOpenFrom(String contactHash) {
        return HelpRequestEntity.<HelpRequestEntity>find(LATEST_FROM_CONTACT, contactHash, RequestLifecycle.OPEN).firstResult();
    }

    /**
     * The person's request most recently fulfilled or closed (what a follow-up answer is about), or null. Cancelled
     * ones are left out: nobody asks those people whether help arrived.
     */
    public Uni<HelpRequestEntity> latestFulfilledOrClosedFrom(String contactHash) {
        return HelpRequestEntity.<HelpRequestEntity>find(LATEST_FINISHED_FROM_CONTACT, contactHash,
                Set.of(RequestStatus.FULFILLED, RequestStatus.CLOSED)).firstResult();
    }

    /**
     * Up to {@code limit} of a hub's requests in one of {@code statuses} (and {@code category}, when given) in queue
     * order: urgency rank, then waiting time; after {@code after} when given (keyset paging, stable while requests
     * come and go).
     */
    public Uni<List<HelpRequestEntity>> queue(UUID hubId, Set<RequestStatus> statuses, HelpCategory category,
                                              QueuePosition after, int limit) {
        StringBuilder query = new StringBuilder("hubId = :hub and status in :statuses");
        Parameters params = Parameters.with("hub", hubId).and("statuses", statuses);
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        if (after != null) {
            query.append(AFTER_POSITION);
            params.and("rank", after.urgencyRank()).and("at", after.submittedAt()).and("id", after.id());
        }
        query.append(QUEUE_ORDER);
        return HelpRequestEntity.<HelpRequestEntity>find(query.toString(), params).range(0, limit).list();
    }

    /** Claims up to {@code limit} unmatched requests past their escalation deadline. Call inside a transaction. */
    public Uni<List<UUID>> claimDueEscalations(int limit) {
        return claim(DUE_ESCALATIONS, limit);
    }

    /** Claims up to {@code limit} fulfilled requests whose follow-up is due. Call inside a transaction. */
    public Uni<List<UUID>> claimDueFollowUps(int limit) {
        return claim(DUE_FOLLOW_UPS, limit);
    }

    private static Uni<List<UUID>> claim(String selectIds, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(selectIds, String.class).setParameter(1, limit).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }
}
