package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone asked for help, through any intake channel. Carries no contact details: only whether the person can be
 * reached, and how; the details stay in the requests service.
 */
public record RequestSubmitted(
        UUID requestId,
        UUID hubId,
        HelpCategory category,
        Urgency urgency,
        String description,
        @Optional GeoPoint location,
        @Optional String area,
        List<ItemQuantity> items,
        String language,
        boolean hasContact,
        ContactChannel contactChannel,
        IntakeChannel channel,
        @Optional TimeWindow window,
        boolean outsideHubArea,
        Instant occurredAt) implements TredegarEvent {

    public RequestSubmitted {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
        items = List.copyOf(items);
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
