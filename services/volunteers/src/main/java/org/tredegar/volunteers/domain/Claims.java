package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferDeclined;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.AssignmentEntity;
import org.tredegar.volunteers.persistence.MatchRoundEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer answering an offer, and finishing or giving back a task.
 * <p>
 * First accept wins, decided by the database and not by this process: the winner's transaction locks the
 * round, moves its offer from pending to accepted with a conditional UPDATE, marks the round assigned and
 * inserts the assignment (a partial unique index allows one active assignment per request). A concurrent accept
 * — same offer or another volunteer's, this replica or another — waits for the lock and then finds its offer no
 * longer pending: 409, nothing written.
 */
@ApplicationScoped
public class Claims {
    @Inject
    OfferRounds rounds;
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;

    record OfferRow(UUID requestId, UUID volunteerId, UUID hubId, String status, Instant expiresAt) {
    }

    record AssignmentRow(UUID requestId, UUID volunteerId, UUID hubId, String status) {
    }

    public Uni<AssignmentEntity> accept(UUID offerId, UUID volunteerId) {
        return Panache.withTransaction(() -> ownOffer(offerId, volunteerId).chain(offer -> rounds.lock(offer.requestId()).chain(round -> {
            Instant now = OfferRounds.now();
            return answer(offerId, "accepted", now).chain(updated -> {
                if (updated == 0) {
                    return explain(offerId, now);
                }
                if (!MatchRoundEntity.OPEN.equals(round.status)) {
                    return Uni.createFrom().failure(taken());
                }
                round.status = MatchRoundEntity.ASSIGNED;
                round.updatedAt = now;
                AssignmentEntity assignment = new AssignmentEntity();
                assignment.id = UUID.randomUUID();
                assignment.requestId = offer.requestId();
                assignment.offerId = offerId;
                assignment.volunteerId = volunteerId;
                assignment.hubId = offer.hubId();
                assignment.status = AssignmentEntity.ACTIVE;
                assignment.acceptedAt = now;
                return assignment.<AssignmentEntity>persist()
                        .call(() -> rounds.withdrawPending(offer.requestId(), now))
                        .call(() -> outbox.append(new OfferAccepted(offerId, offer.requestId(), volunteerId, assignment.id,
                                offer.hubId(), now)))
                        .call(() -> audit.record(offer.hubId(), "volunteer:" + volunteerId, "assignment.created",
                                assignment.id.toString(), "request " + offer.requestId() + " offer " + offerId))
                        .replaceWith(assignment);
            });
        })));
    }

    public Uni<Void> decline(UUID offerId, UUID volunteerId) {
        return Panache.withTransaction(() -> ownOffer(offerId, volunteerId).chain(offer -> rounds.lock(offer.requestId()).chain(round -> {
            Instant now = OfferRounds.now();
            return answer(offerId, "declined", now).chain(updated -> {
                if (updated == 0) {
                    return explain(offerId, now);
                }
                return outbox.append(new OfferDeclined(offerId, offer.requestId(), volunteerId, offer.hubId(), now))
                        .chain(() -> MatchRoundEntity.OPEN.equals(round.status) ? rounds.topUp(round, now) : Uni.createFrom().item(0))
                        .replaceWithVoid();
            });
        })));
    }

    public Uni<Void> complete(UUID assignmentId, UUID volunteerId) {
        return Panache.withTransaction(() -> ownAssignment(assignmentId, volunteerId).chain(a -> rounds.lock(a.requestId()).chain(round -> {
            Instant now = OfferRounds.now();
            return finish(assignmentId, "completed", "completed_at", null, now).chain(updated -> {
                if (updated == 0) {
                    return Uni.createFrom().failure(notActive());
                }
                round.status = MatchRoundEntity.DONE;
                round.updatedAt = now;
                return outbox.append(new AssignmentCompleted(assignmentId, a.requestId(), volunteerId, a.hubId(), now))
                        .chain(() -> audit.record(a.hubId(), "volunteer:" + volunteerId, "assignment.completed",
                                assignmentId.toString(), "request " + a.requestId()))
                        .replaceWithVoid();
            });
        })));
    }

    /** The volunteer cannot do it after all: no blame, the next candidates are asked. */
    public Uni<Void> release(UUID assignmentId, UUID volunteerId, String reason) {
        return Panache.withTransaction(() -> ownAssignment(assignmentId, volunteerId).chain(a -> rounds.lock(a.requestId()).chain(round -> {
            Instant now = OfferRounds.now();
            return finish(assignmentId, "released", "released_at", reason, now).chain(updated -> {
                if (updated == 0) {
                    return Uni.createFrom().failure(notActive());
                }
                boolean reopen = MatchRoundEntity.ASSIGNED.equals(round.status);
                if (reopen) {
                    round.status = MatchRoundEntity.OPEN;
                    round.updatedAt = now;
                }
                return outbox.append(new AssignmentReleased(assignmentId, a.requestId(), volunteerId, a.hubId(), reason, now))
                        .chain(() -> audit.record(a.hubId(), "volunteer:" + volunteerId, "assignment.released",
                                assignmentId.toString(), "request " + a.requestId() + (reason == null ? "" : " reason " + reason)))
                        .chain(() -> reopen ? rounds.topUp(round, now) : Uni.createFrom().item(0))
                        .replaceWithVoid();
            });
        })));
    }

    private Uni<OfferRow> ownOffer(UUID offerId, UUID volunteerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT request_id, volunteer_id, hub_id, status, expires_at "
                        + "FROM offers WHERE id = ?1", Object[].class).setParameter(1, offerId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiProblem.notFound("offer " + offerId);
                    }
                    Object[] r = rows.get(0);
                    OfferRow offer = new OfferRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], CandidateSearch.instant(r[4]));
                    if (!offer.volunteerId().equals(volunteerId)) {
                        throw ApiProblem.forbidden("this offer was made to someone else");
                    }
                    return offer;
                });
    }

    private Uni<AssignmentRow> ownAssignment(UUID assignmentId, UUID volunteerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT request_id, volunteer_id, hub_id, status "
                        + "FROM assignments WHERE id = ?1", Object[].class).setParameter(1, assignmentId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiProblem.notFound("assignment " + assignmentId);
                    }
                    Object[] r = rows.get(0);
                    if (!volunteerId.equals(r[1])) {
                        throw ApiProblem.forbidden("this task is held by someone else");
                    }
                    return new AssignmentRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3]);
                });
    }

    /** The conditional step: only a pending, unexpired offer can be answered, whoever asks at the same moment. */
    private Uni<Integer> answer(UUID offerId, String status, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE offers SET status = ?2, answered_at = ?3 "
                        + "WHERE id = ?1 AND status = 'pending' AND expires_at > ?3")
                .setParameter(1, offerId).setParameter(2, status).setParameter(3, OfferRounds.utc(now)).executeUpdate());
    }

    private Uni<Integer> finish(UUID assignmentId, String status, String timeColumn, String reason, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE assignments SET status = ?2, " + timeColumn + " = ?3, "
                        + "release_reason = NULLIF(?4, '') WHERE id = ?1 AND status = 'active'")
                .setParameter(1, assignmentId).setParameter(2, status).setParameter(3, OfferRounds.utc(now))
                .setParameter(4, reason == null ? "" : reason).executeUpdate());
    }

    /** Why an offer could not be answered, in words a volunteer understands. Re-read: the state may just have changed. */
    private <T> Uni<T> explain(UUID offerId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT status, expires_at FROM offers WHERE id = ?1", Object[].class)
                        .setParameter(1, offerId).getResultList())
                .chain(rows -> {
                    Object[] row = rows.get(0);
                    String status = (String) row[0];
                    boolean expired = "expired".equals(status)
                            || ("pending".equals(status) && !CandidateSearch.instant(row[1]).isAfter(now));
                    ApiProblem problem = expired
                            ? ApiProblem.conflict("offer-expired", "This offer has expired. Thank you for looking — we will ask you again.")
                            : switch (status) {
                                case "accepted" -> ApiProblem.conflict("offer-already-accepted", "You have already accepted this offer.");
                                case "declined" -> ApiProblem.conflict("offer-declined", "You declined this offer earlier.");
                                default -> taken();
                            };
                    return Uni.createFrom().failure(problem);
                });
    }

    private static ApiProblem taken() {
        return ApiProblem.conflict("offer-taken",
                "Someone else has already taken this one — thank you for offering! We will ask you again soon.");
    }

    private static ApiProblem notActive() {
        return ApiProblem.conflict("assignment-not-active", "This task is already completed or was given back.");
    }
}
