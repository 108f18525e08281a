package org.tredegar.volunteers;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Sign-up bodies, callers and direct SQL for the tests. */
final class Fixtures {
    /** The service's own database, for what the API does not show. */
    static final Db DB = Db.of("volunteers");

    private Fixtures() {
    }

    /** A fresh hub per test keeps volunteers of other tests (and the demo's) out of its matches. */
    static String freshHub() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> signUp(String hub, double lat, double lon) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", "Test volunteer");
        body.put("hubs", new ArrayList<>(List.of(hub)));
        body.put("location", new LinkedHashMap<>(Map.of("lat", lat, "lon", lon)));
        body.put("radiusKm", 5.0);
        body.put("skills", new ArrayList<>(List.of("driving")));
        body.put("languages", new ArrayList<>(List.of("en")));
        body.put("onDuty", true);
        return body;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Signs a volunteer up with their own account; returns their id (= token subject). */
    static UUID volunteer(Map<String, Object> body) {
        UUID id = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<String> hubs = (List<String>) body.get("hubs");
        as(TestTokens.volunteer(id, hubs.toArray(String[]::new))).body(body)
                .when().post("/api/v1/volunteers").then().statusCode(201);
        return id;
    }

    /** A volunteer {@code northKm} north of (lat, lon), changed by {@code change} before signing up. */
    static UUID volunteerNear(String hub, double lat, double lon, double northKm,
                              java.util.function.Consumer<Map<String, Object>> change) {
        double[] p = RequestEvents.offset(lat, lon, northKm, 0);
        Map<String, Object> body = signUp(hub, p[0], p[1]);
        change.accept(body);
        return volunteer(body);
    }

    /** A task the volunteer did {@code hoursAgo} (accepted then, completed an hour later), for limits and fairness. */
    static void pastTask(UUID volunteerId, String hub, int hoursAgo) {
        UUID request = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        UUID hubId = HubIds.idOf(hub);
        DB.update("INSERT INTO match_rounds (request_id, hub_id, category, urgency, status, created_at, updated_at) "
                + "VALUES (?, ?, 'groceries', 'routine', 'done', now(), now())", request, hubId);
        DB.update("INSERT INTO offers (id, request_id, volunteer_id, hub_id, category, urgency, distance_km, offer_code, status, "
                + "expires_at, created_at) VALUES (?, ?, ?, ?, 'groceries', 'routine', 1, 'PAST01', 'accepted', now(), now())",
                offer, request, volunteerId, hubId);
        DB.update("INSERT INTO assignments (id, request_id, offer_id, volunteer_id, hub_id, status, accepted_at, completed_at) "
                + "VALUES (?, ?, ?, ?, ?, 'completed', now() - ? * interval '1 hour', now() - ? * interval '1 hour')",
                UUID.randomUUID(), request, offer, volunteerId, hubId, hoursAgo, hoursAgo - 1);
    }

    static Set<UUID> offeredTo(UUID requestId) {
        return DB.rows("SELECT volunteer_id FROM offers WHERE request_id = ?", requestId).stream()
                .map(row -> (UUID) row.get("volunteer_id")).collect(Collectors.toSet());
    }

    /** How many of the request's offers are in {@code status} (as stored: pending, accepted, …). */
    static long offers(UUID requestId, String status) {
        return DB.count("SELECT count(*) FROM offers WHERE request_id = ? AND status = ?", requestId, status);
    }

    /** How many events of this type about the request (keyed by it) are in the outbox. */
    static long outboxed(UUID requestId, Class<? extends TredegarEvent> type) {
        return DB.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ?", requestId.toString(),
                EventCatalog.of(type).type());
    }

    static boolean processed(String ceId) {
        return DB.count("SELECT count(*) FROM processed_events WHERE consumer = ? AND event_id = ?",
                org.tredegar.volunteers.messaging.RequestEventsConsumer.CONSUMER, ceId) == 1;
    }
}
