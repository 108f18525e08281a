package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestsMerged;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A coordinator's answer to a probable duplicate: merge it (the duplicate closes, the survivor carries on, and
 * RequestsMerged tells the others) or split it (the link goes, both stay). Both are audited.
 */
@ApplicationScoped
public class RequestDuplicates {
    @Inject
    RequestTransitions transitions;
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;

    public Uni<HelpRequestEntity> merge(UUID id, UUID into, String actor) {
        if (id.equals(into)) {
            return Uni.createFrom().failure(ApiProblem.conflict("merge-into-itself", "a request cannot be merged into itself"));
        }
        return Panache.withTransaction(() -> HelpRequestEntity.<HelpRequestEntity>findById(into)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + into))
                .chain(survivor -> {
                    if (!RequestLifecycle.isOpen(survivor.status)) {
                        throw ApiProblem.conflict("merge-target-closed", "request " + into + " is " + survivor.status.slug()
                                + "; merge into a request that is still open");
                    }
                    return transitions.move(id, RequestStatus.CLOSED, actor, "merged into " + into, "merge", "into=" + into, r -> {
                        if (!r.hubId.equals(survivor.hubId)) {
                            throw ApiProblem.conflict("merge-across-hubs", "both requests must belong to the same hub");
                        }
                        Instant now = Instant.now();
                        r.duplicateOf = into;
                        r.closedAt = now;
                        r.escalateAt = null;
                        r.followUpAt = null;
                        return new RequestClosed(r.id, r.hubId, "merged into " + into, now);
                    }).call(merged -> outbox.append(new RequestsMerged(into, merged.hubId, merged.id, actor, Instant.now())));
                }));
    }

    public Uni<HelpRequestEntity> split(UUID id, String actor) {
        return Panache.withTransaction(() -> HelpRequestEntity.<HelpRequestEntity>findById(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .call(r -> {
                    if (r.duplicateOf == null) {
                        throw ApiProblem.conflict("not-linked", "request " + id + " is not linked as a duplicate");
                    }
                    UUID was = r.duplicateOf;
                    r.duplicateOf = null;
                    r.updatedAt = Instant.now();
                    return audit.record(r.hubId, actor, "split", r.id.toString(), "from-duplicate-of=" + was);
                }));
    }
}
