package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.platform.persistence.SqlTime;
import org.tredegar.volunteers.domain.Boards;
import org.tredegar.volunteers.domain.Keyset;
import org.tredegar.volunteers.domain.OfferStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * Offers ({@link OfferEntity}): one volunteer asked to take one request. Status changes are conditional UPDATEs on
 * {@code status = 'pending'}, so whoever asks at the same moment, an offer is answered, expired or withdrawn once.
 * Pending offers are found through the partial indexes {@code WHERE status = 'pending'} (migration V1): that
 * condition stays written out in the text, where the planner can see it. In the caller's session or transaction.
 */
@ApplicationScoped
public class Offers {
    private static final String PENDING = "'" + OfferStatus.PENDING.slug() + "'";

    /** An offer as its answer is checked against: to whom, for which request and hub. */
    public record Found(UUID requestId, UUID volunteerId, UUID hubId, OfferStatus status, Instant expiresAt) {
    }

    /** An offer the expiry just lapsed. */
    public record Expired(UUID offerId, UUID volunteerId, UUID hubId) {
    }

    /** Inserts the offer unless this volunteer was asked for this request before (unique per both). True if inserted. */
    public Uni<Boolean> insertIfNew(OfferEntity offer) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO offers (id, request_id, volunteer_id, hub_id, "
                                + "category, urgency, distance_km, offer_code, status, expires_at, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                                + "ON CONFLICT (request_id, volunteer_id) DO NOTHING")
                        .setParameter(1, offer.id).setParameter(2, offer.requestId).setParameter(3, offer.volunteerId)
                        .setParameter(4, offer.hubId).setParameter(5, offer.category).setParameter(6, offer.urgency)
                        .setParameter(7, offer.distanceKm).setParameter(8, offer.offerCode).setParameter(9, offer.status.slug())
                        .setParameter(10, utc(offer.expiresAt)).setParameter(11, utc(offer.createdAt))
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    public Uni<Long> pendingCount(UUID requestId) {
        return OfferEntity.count("requestId = ?1 and status = ?2", requestId, OfferStatus.PENDING);
    }

    /** The request's pending offers past their expiry become expired; the ones this call expired. */
    public Uni<List<Expired>> expireDue(UUID requestId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE offers SET status = '" + OfferStatus.EXPIRED.slug()
                                + "', answered_at = ?2 WHERE request_id = ?1 AND status = " + PENDING + " AND expires_at <= ?2 "
                                + "RETURNING id, volunteer_id, hub_id", Object[].class)
                        .setParameter(1, requestId).setParameter(2, utc(now)).getResultList())
                .map(rows -> rows.stream().map(r -> new Expired((UUID) r[0], (UUID) r[1], (UUID) r[2])).toList());
    }

    /** The request's pending offers lapse (someone took it, or it closed); how many did. */
    public Uni<Integer> withdrawPending(UUID requestId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE offers SET status = '" + OfferStatus.WITHDRAWN.slug()
                        + "', answered_at = ?2 WHERE request_id = ?1 AND status = " + PENDING)
                .setParameter(1, requestId).setParameter(2, utc(now)).executeUpdate());
    }

    /** Requests with pending offers past their expiry, at most {@code limit} of them. */
    public Uni<List<UUID>> requestsWithDueOffers(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT DISTINCT request_id FROM offers WHERE status = "
                        + PENDING + " AND expires_at <= ?1 LIMIT ?2", UUID.class)
                .setParameter(1, utc(now)).setParameter(2, limit).getResultList());
    }

    public Uni<Optional<Found>> find(UUID offerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT request_id, volunteer_id, hub_id, status, expires_at "
                        + "FROM offers WHERE id = ?1", Object[].class).setParameter(1, offerId).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Found((UUID) r[0], (UUID) r[1], (UUID) r[2],
                        OfferStatus.fromSlug((String) r[3]), SqlTime.instant(r[4]))));
    }

    /**
     * The conditional step: only a pending, unexpired offer can be answered, whoever asks at the same moment. True if
     * this call answered it.
     */
    public Uni<Boolean> answer(UUID offerId, OfferStatus answer, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE offers SET status = ?2, answered_at = ?3 "
                        + "WHERE id = ?1 AND status = " + PENDING + " AND expires_at > ?3")
                .setParameter(1, offerId).setParameter(2, answer.slug()).setParameter(3, utc(now)).executeUpdate())
                .map(updated -> updated > 0);
    }

    /**
     * A volunteer's offers still open to answer, soonest to expire first, after {@code after}; at most {@code rows}.
     */
    public Uni<List<Boards.OfferLine>> openFor(UUID volunteerId, Instant now, Keyset after, int rows) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT id, request_id, category, urgency, distance_km, offer_code, expires_at FROM offers "
                                        + "WHERE volunteer_id = ?1 AND status = " + PENDING + " AND expires_at > ?2 "
                                        + "AND (expires_at, id) > (?3, ?4) ORDER BY expires_at, id LIMIT ?5", Object[].class)
                        .setParameter(1, volunteerId).setParameter(2, utc(now))
                        .setParameter(3, utc(after.at())).setParameter(4, after.id()).setParameter(5, rows)
                        .getResultList())
                .map(found -> found.stream().map(r -> new Boards.OfferLine((UUID) r[0], (UUID) r[1], (String) r[2],
                        (String) r[3], ((Number) r[4]).doubleValue(), (String) r[5], SqlTime.instant(r[6]))).toList());
    }
}
