package org.tredegar.contracts.audit.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a hub's hash-chained audit log, as its service wrote it. Published so that a hub (or anyone it
 * trusts) can keep an independent copy of the chain: an insider who rewrites the service's table cannot also
 * rewrite what was already published. Actors and subjects are ids, never names or contact details.
 */
public record AuditEntryRecorded(
        UUID hubId,
        String service,
        long seq,
        String actor,
        String action,
        String subjectId,
        String detail,
        String prevHash,
        String hash,
        Instant occurredAt) implements TredegarEvent {

    public AuditEntryRecorded {
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (service == null || service.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("service and action must not be blank");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}") || prevHash == null) {
            throw new IllegalArgumentException("hash must be a SHA-256 hex digest and prevHash present");
        }
    }

    /** Keyed by hub, so each of a hub's chains stays in order on one partition. */
    @Override
    public String aggregateId() {
        return hubId.toString();
    }
}
