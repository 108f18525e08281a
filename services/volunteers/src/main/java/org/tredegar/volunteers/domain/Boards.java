package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.audit.AuditTrail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models: a volunteer's open offers, and who holds what in a hub. Keyset-paged. */
@ApplicationScoped
public class Boards {
    @Inject
    AuditTrail audit;

    public record OfferLine(UUID id, UUID requestId, String category, String urgency, double distanceKm, String offerCode,
                            Instant expiresAt) {
    }

    public record AssignmentLine(UUID id, UUID requestId, UUID volunteerId, String volunteerName, String status,
                                 Instant acceptedAt, Instant completedAt, Instant releasedAt) {
    }

    public record Slice<T>(List<T> items, Cursor next) {
    }

    /** Offers still open to answer, soonest to expire first. */
    public Uni<Slice<OfferLine>> openOffers(UUID volunteerId, Cursor after, int limit) {
        Cursor from = after == null ? Cursor.START : after;
        Instant now = OfferRounds.now();
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT id, request_id, category, urgency, distance_km, offer_code, expires_at FROM offers "
                                        + "WHERE volunteer_id = ?1 AND status = 'pending' AND expires_at > ?2 "
                                        + "AND (expires_at, id) > (?3, ?4) ORDER BY expires_at, id LIMIT ?5", Object[].class)
                        .setParameter(1, volunteerId).setParameter(2, OfferRounds.utc(now))
                        .setParameter(3, OfferRounds.utc(from.at())).setParameter(4, from.id()).setParameter(5, limit + 1)
                        .getResultList()))
                .map(rows -> slice(rows.stream().map(r -> new OfferLine((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).doubleValue(), (String) r[5], CandidateSearch.instant(r[6]))).toList(), limit,
                        line -> new Cursor(line.expiresAt(), line.id())));
    }

    /**
     * A hub's assignments in one status, longest held first. Names volunteers, so each read is audited — by ids,
     * never by the names it returned.
     */
    public Uni<Slice<AssignmentLine>> hubAssignments(UUID hubId, String status, Cursor after, int limit, String actor) {
        Cursor from = after == null ? Cursor.START : after;
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT a.id, a.request_id, a.volunteer_id, v.display_name, a.status, a.accepted_at, a.completed_at, "
                                        + "a.released_at FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id "
                                        + "WHERE a.hub_id = ?1 AND a.status = ?2 AND (a.accepted_at, a.id) > (?3, ?4) "
                                        + "ORDER BY a.accepted_at, a.id LIMIT ?5", Object[].class)
                                .setParameter(1, hubId).setParameter(2, status)
                                .setParameter(3, OfferRounds.utc(from.at())).setParameter(4, from.id()).setParameter(5, limit + 1)
                                .getResultList())
                        .call(rows -> audit.record(hubId, actor, "assignments.listed", hubId.toString(),
                                "status " + status + ", " + Math.min(rows.size(), limit) + " rows")))
                .map(rows -> slice(rows.stream().map(r -> new AssignmentLine((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                                (String) r[4], CandidateSearch.instant(r[5]), CandidateSearch.instant(r[6]), CandidateSearch.instant(r[7])))
                        .toList(), limit, line -> new Cursor(line.acceptedAt(), line.id())));
    }

    private static <T> Slice<T> slice(List<T> rows, int limit, java.util.function.Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new Slice<>(page, cursorOf.apply(page.get(page.size() - 1)));
    }
}
