package org.tredegar.volunteers;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.tredegar.testing.SharedInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Sign-up bodies, callers and direct SQL for the tests. */
final class Fixtures {
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
        String hubId = org.tredegar.platform.hub.HubIds.idOf(hub).toString();
        update("INSERT INTO match_rounds (request_id, hub_id, category, urgency, status, created_at, updated_at) VALUES ('"
                + request + "', '" + hubId + "', 'groceries', 'routine', 'done', now(), now())");
        update("INSERT INTO offers (id, request_id, volunteer_id, hub_id, category, urgency, distance_km, offer_code, status, "
                + "expires_at, created_at) VALUES ('" + offer + "', '" + request + "', '" + volunteerId + "', '" + hubId
                + "', 'groceries', 'routine', 1, 'PAST01', 'accepted', now(), now())");
        update("INSERT INTO assignments (id, request_id, offer_id, volunteer_id, hub_id, status, accepted_at, completed_at) VALUES ('"
                + UUID.randomUUID() + "', '" + request + "', '" + offer + "', '" + volunteerId + "', '" + hubId
                + "', 'completed', now() - interval '" + hoursAgo + " hours', now() - interval '" + (hoursAgo - 1) + " hours')");
    }

    static java.util.Set<UUID> offeredTo(UUID requestId) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("volunteers"), "tredegar", "tredegar");
             ResultSet rs = c.createStatement().executeQuery("SELECT volunteer_id FROM offers WHERE request_id = '" + requestId + "'")) {
            while (rs.next()) {
                ids.add(UUID.fromString(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    static boolean processed(String ceId) {
        return count("SELECT count(*) FROM processed_events WHERE consumer = 'volunteers' AND event_id = '" + ceId + "'") == 1;
    }

    static long count(String sql) {
        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("volunteers"), "tredegar", "tredegar");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(String sql) {
        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("volunteers"), "tredegar", "tredegar")) {
            return c.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String sql) {
        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("volunteers"), "tredegar", "tredegar");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
