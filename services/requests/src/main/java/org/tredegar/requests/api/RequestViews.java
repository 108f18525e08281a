package org.tredegar.requests.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.requests.domain.Locations;
import org.tredegar.requests.domain.NextSteps;
import org.tredegar.requests.domain.RequestQueue;
import org.tredegar.requests.persistence.HelpRequestEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Request → API views. The views never carry contact details. */
@ApplicationScoped
public class RequestViews {
    @Inject
    ObjectMapper json;

    /** {@code contactChannel}: how the person can be reached, for those allowed to know (null: not shown, or none). */
    public RequestView full(HelpRequestEntity r, ContactChannel contactChannel) {
        return new RequestView(r.id, r.hubId, r.trackingCode, r.category, r.urgency, r.status, r.description,
                r.lat == null ? null : new GeoPoint(r.lat, r.lon), r.area, items(r),
                r.language, r.accessibility, r.windowFrom == null ? null : new SubmitRequest.Window(r.windowFrom, r.windowTo),
                r.channel, r.outsideHubArea, contactChannel != null, contactChannel, r.escalationLevel, r.duplicateOf,
                r.volunteerId, r.submittedAt, r.updatedAt, Duration.between(r.submittedAt, Instant.now()).toMinutes());
    }

    public RequestView queued(RequestQueue.Entry entry) {
        return full(entry.request(), entry.contactChannel());
    }

    /** For partners: the request without its precise place (rounded to ~100 m) and without the contact channel. */
    public RequestView forPartner(HelpRequestEntity r) {
        RequestView v = full(r, null);
        return new RequestView(v.id(), v.hubId(), null, v.category(), v.urgency(), v.status(), v.description(),
                Locations.approximate(r.lat, r.lon), v.area(), v.items(), v.language(), null, v.window(), v.channel(),
                v.outsideHubArea(), false, null, v.escalationLevel(), null, null, v.submittedAt(), v.updatedAt(),
                v.waitingMinutes());
    }

    public TrackingView tracking(HelpRequestEntity r) {
        return new TrackingView(r.trackingCode, r.status, NextSteps.forStatus(r.status), r.updatedAt);
    }

    List<SubmitRequest.Item> items(HelpRequestEntity r) {
        try {
            return json.readValue(r.items, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
