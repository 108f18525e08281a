package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.volunteers.persistence.Assignments;
import org.tredegar.volunteers.persistence.Offers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models: a volunteer's open offers, and who holds what in a hub. Keyset-paged. */
@ApplicationScoped
public class Boards {
    @Inject
    AuditTrail audit;
    @Inject
    Offers offers;
    @Inject
    Assignments assignments;

    public record OfferLine(UUID id, UUID requestId, String category, String urgency, double distanceKm, String offerCode,
                            Instant expiresAt) {
    }

    public record AssignmentLine(UUID id, UUID requestId, UUID volunteerId, String volunteerName, AssignmentStatus status,
                                 Instant acceptedAt, Instant completedAt, Instant releasedAt) {
    }

    /** One page of a list; {@code more}: items come after it. */
    public record Slice<T>(List<T> items, boolean more) {
        /** Up to {@code limit} of {@code rows}, which were read with one row more than that to learn if more come. */
        static <T> Slice<T> of(List<T> rows, int limit) {
            return rows.size() <= limit ? new Slice<>(rows, false) : new Slice<>(rows.subList(0, limit), true);
        }
    }

    /** Offers still open to answer, soonest to expire first. */
    public Uni<Slice<OfferLine>> openOffers(UUID volunteerId, Keyset after, int limit) {
        Instant now = StoredTime.now();
        return Panache.withSession(() -> offers.openFor(volunteerId, now, after, limit + 1))
                .map(rows -> Slice.of(rows, limit));
    }

    /**
     * A hub's assignments in one status, longest held first. Names volunteers, so each read is audited — by ids,
     * never by the names it returned.
     */
    public Uni<Slice<AssignmentLine>> hubAssignments(UUID hubId, AssignmentStatus status, Keyset after, int limit,
                                                     String actor) {
        return Panache.withTransaction(() -> assignments.ofHub(hubId, status, after, limit + 1)
                        .call(rows -> audit.record(hubId, actor, "assignments.listed", hubId.toString(),
                                "status " + status.slug() + ", " + Math.min(rows.size(), limit) + " rows")))
                .map(rows -> Slice.of(rows, limit));
    }
}
