package org.tredegar.requests.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Urgency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request as its hub sees it. Contact details are never here: they are read through the audited endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, UUID hubId, String trackingCode, HelpCategory category, Urgency urgency,
                          RequestStatus status, String description, GeoPoint location, String area,
                          List<SubmitRequest.Item> items, String language, String accessibility, SubmitRequest.Window window,
                          IntakeChannel channel, boolean outsideHubArea, boolean hasContact, ContactChannel contactChannel,
                          int escalationLevel,
                          UUID duplicateOf, UUID volunteerId, Instant submittedAt, Instant updatedAt,
                          long waitingMinutes) {
}
