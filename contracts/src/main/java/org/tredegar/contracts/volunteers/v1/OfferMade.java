package org.tredegar.contracts.volunteers.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A volunteer was asked to take a request. */
public record OfferMade(
        UUID offerId,
        UUID requestId,
        UUID volunteerId,
        UUID hubId,
        HelpCategory category,
        Urgency urgency,
        double distanceKm,
        String offerCode,
        String language,
        Instant expiresAt,
        Instant occurredAt) implements TredegarEvent {

    public OfferMade {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    /**
     * Offers and assignments are keyed by request, not by offer or volunteer, so that every matching step of one
     * request is read in order.
     */
    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
