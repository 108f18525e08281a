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
import org.tredegar.volunteers.persistence.Assignments;
import org.tredegar.volunteers.persistence.Offers;

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
    Offers offers;
    @Inject
    Assignments assignments;
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;

    public Uni<AssignmentEntity> accept(UUID offerId, UUID volunteerId) {
        return Panache.withTransaction(() -> ownOffer(offerId, volunteerId).chain(offer -> rounds.lock(offer.requestId()).chain(round -> {
            Instant now = StoredTime.now();
            return offers.answer(offerId, OfferStatus.ACCEPTED, now).chain(answered -> {
                if (!answered) {
                    return explain(offerId, now);
                }
                if (round.status != RoundStatus.OPEN) {
                    return Uni.createFrom().failure(taken());
                }
                round.status = RoundStatus.ASSIGNED;
                round.updatedAt = now;
                AssignmentEntity assignment = new AssignmentEntity();
                assignment.id = UUID.randomUUID();
                assignment.requestId = offer.requestId();
                assignment.offerId = offerId;
                assignment.volunteerId = volunteerId;
                assignment.hubId = offer.hubId();
                assignment.status = AssignmentStatus.ACTIVE;
                assignment.acceptedAt = now;
                return assignment.<AssignmentEntity>persist()
                        .call(() -> offers.withdrawPending(offer.requestId(), now))
                        .call(() -> outbox.append(new OfferAccepted(offerId, offer.requestId(), volunteerId, assignment.id,
                                offer.hubId(), now)))
                        .call(() -> audit.record(offer.hubId(), actor(volunteerId), "assignment.created",
                                assignment.id.toString(), "request " + offer.requestId() + " offer " + offerId))
                        .replaceWith(assignment);
            });
        })));
    }

    public Uni<Void> decline(UUID offerId, UUID volunteerId) {
        return Panache.withTransaction(() -> ownOffer(offerId, volunteerId).chain(offer -> rounds.lock(offer.requestId()).chain(round -> {
            Instant now = StoredTime.now();
            return offers.answer(offerId, OfferStatus.DECLINED, now).chain(answered -> {
                if (!answered) {
                    return explain(offerId, now);
                }
                return outbox.append(new OfferDeclined(offerId, offer.requestId(), volunteerId, offer.hubId(), now))
                        .chain(() -> round.status == RoundStatus.OPEN ? rounds.topUp(round, now) : Uni.createFrom().item(0))
                        .replaceWithVoid();
            });
        })));
    }

    public Uni<Void> complete(UUID assignmentId, UUID volunteerId) {
        return Panache.withTransaction(() -> ownAssignment(assignmentId, volunteerId).chain(a -> rounds.lock(a.requestId()).chain(round -> {
            Instant now = StoredTime.now();
            return assignments.complete(assignmentId, now).chain(completed -> {
                if (!completed) {
                    return Uni.createFrom().failure(notActive());
                }
                round.status = RoundStatus.DONE;
                round.updatedAt = now;
                return outbox.append(new AssignmentCompleted(assignmentId, a.requestId(), volunteerId, a.hubId(), now))
                        .chain(() -> audit.record(a.hubId(), actor(volunteerId), "assignment.completed",
                                assignmentId.toString(), "request " + a.requestId()))
                        .replaceWithVoid();
            });
        })));
    }

    /** The volunteer cannot do it after all: no blame, the next candidates are asked. */
    public Uni<Void> release(UUID assignmentId, UUID volunteerId, String reason) {
        return Panache.withTransaction(() -> ownAssignment(assignmentId, volunteerId).chain(a -> rounds.lock(a.requestId()).chain(round -> {
            Instant now = StoredTime.now();
            return assignments.release(assignmentId, reason, now).chain(released -> {
                if (!released) {
                    return Uni.createFrom().failure(notActive());
                }
                boolean reopen = round.status == RoundStatus.ASSIGNED;
                if (reopen) {
                    round.status = RoundStatus.OPEN;
                    round.updatedAt = now;
                }
                return outbox.append(new AssignmentReleased(assignmentId, a.requestId(), volunteerId, a.hubId(), reason, now))
                        .chain(() -> audit.record(a.hubId(), actor(volunteerId), "assignment.released",
                                assignmentId.toString(), "request " + a.requestId() + (reason == null ? "" : " reason " + reason)))
                        .chain(() -> reopen ? rounds.topUp(round, now) : Uni.createFrom().item(0))
                        .replaceWithVoid();
            });
        })));
    }

    private Uni<Offers.Found> ownOffer(UUID offerId, UUID volunteerId) {
        return offers.find(offerId).map(found -> {
            Offers.Found offer = found.orElseThrow(() -> ApiProblem.notFound("offer " + offerId));
            if (!offer.volunteerId().equals(volunteerId)) {
                throw ApiProblem.forbidden("this offer was made to someone else");
            }
            return offer;
        });
    }

    private Uni<Assignments.Found> ownAssignment(UUID assignmentId, UUID volunteerId) {
        return assignments.find(assignmentId).map(found -> {
            Assignments.Found assignment = found.orElseThrow(() -> ApiProblem.notFound("assignment " + assignmentId));
            if (!volunteerId.equals(assignment.volunteerId())) {
                throw notYours();
            }
            return assignment;
        });
    }

    /** Why an offer could not be answered, in words a volunteer understands. Re-read: the state may just have changed. */
    private <T> Uni<T> explain(UUID offerId, Instant now) {
        return offers.find(offerId).chain(found -> {
            Offers.Found offer = found.orElseThrow();
            boolean expired = offer.status() == OfferStatus.EXPIRED
                    || (offer.status() == OfferStatus.PENDING && !offer.expiresAt().isAfter(now));
            ApiProblem problem = expired
                    ? ApiProblem.conflict("offer-expired", "This offer has expired. Thank you for looking — we will ask you again.")
                    : switch (offer.status()) {
                        case ACCEPTED -> ApiProblem.conflict("offer-already-accepted", "You have already accepted this offer.");
                        case DECLINED -> ApiProblem.conflict("offer-declined", "You declined this offer earlier.");
                        default -> taken();
                    };
            return Uni.createFrom().failure(problem);
        });
    }

    /** Who the audit trail names for a step of the volunteer's own task, also when a service relays their SMS answer. */
    private static String actor(UUID volunteerId) {
        return "volunteer:" + volunteerId;
    }

    private static ApiProblem taken() {
        return ApiProblem.conflict("offer-taken",
                "Someone else has already taken this one — thank you for offering! We will ask you again soon.");
    }

    /** The task is someone else's (or the volunteer a service names does not hold it): nothing changes. */
    private static ApiProblem notYours() {
        return new ApiProblem(403, "not-your-assignment", "Forbidden", "that task is not yours");
    }

    private static ApiProblem notActive() {
        return ApiProblem.conflict("assignment-not-active", "This task is already completed or was given back.");
    }
}
