package org.tredegar.volunteers;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes request events as the requests service's relay would: CloudEvents in binary mode. */
final class RequestEvents {
    private RequestEvents() {
    }

    static RequestSubmitted submitted(UUID requestId, String hub, HelpCategory category, double lat, double lon, String language) {
        return new RequestSubmitted(requestId, HubIds.idOf(hub), category, Urgency.URGENT, "Help, please",
                new GeoPoint(lat, lon).approximate(), null, List.of(), language, true, ContactChannel.SMS, IntakeChannel.WEB,
                null, false, Instant.now());
    }

    /** Returns the CloudEvent id used. */
    static String publish(TredegarEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    static String publish(TredegarEvent event, String ceId) {
        return KafkaTestClient.sendEvent(event, ceId);
    }

    /** A point {@code northKm} north and {@code eastKm} east of (lat, lon). */
    static double[] offset(double lat, double lon, double northKm, double eastKm) {
        return new double[]{lat + northKm / 111.195, lon + eastKm / (111.195 * Math.cos(Math.toRadians(lat)))};
    }
}
