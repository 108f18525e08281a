package org.tredegar.e2e;

import org.tredegar.testing.WholePlatform;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A role granted and revoked in the real Keycloak (by the demo admin, through Keycloak's admin API, as the admin
 * console does) appears in the audit chain of the user's hub, readable by that hub's members, with who did it —
 * and the chain still verifies.
 */
class RoleChangesAuditedIT {
    final WholePlatform platform = WholePlatform.get();

    @Test
    void aRoleGrantedAndRevokedInKeycloakIsOnTheHubsAuditChain() {
        String admin = platform.token("admin");
        String adminApi = "http://localhost:" + platform.keycloakPort + "/admin/realms/tredegar";
        String userId = given().auth().oauth2(admin).queryParam("username", "volunteer.tredegar").queryParam("exact", true)
                .when().get(adminApi + "/users").then().statusCode(200).extract().path("[0].id");
        String adminId = given().auth().oauth2(admin).queryParam("username", "admin").queryParam("exact", true)
                .when().get(adminApi + "/users").then().statusCode(200).extract().path("[0].id");
        // The roles the user does not hold yet (the admin console's list); reading /roles would need view-realm.
        Map<String, Object> partnerRole = given().auth().oauth2(admin)
                .when().get(adminApi + "/users/" + userId + "/role-mappings/realm/available")
                .then().statusCode(200).extract().jsonPath().getMap("find { it.name == 'partner' }");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(partnerRole))
                .when().post(adminApi + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(partnerRole))
                .when().delete(adminApi + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);

        String hub = "tredegar"; // hub paths take the slug
        String coordinator = platform.token("coordinator.tredegar");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> entries = audit(coordinator, hub).getList("items.findAll { it.subjectId == '" + userId + "' }");
            assertThat(entries).extracting(e -> e.get("action")).containsSubsequence("role.granted", "role.revoked");
        });
        List<Map<String, Object>> entries = audit(coordinator, hub).getList("items.findAll { it.subjectId == '" + userId + "' }");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo(adminId);
            assertThat(e.get("detail")).isEqualTo("roles=partner");
        });
        // Imported once, although the importer polls again and again.
        assertThat(entries).hasSize(2);

        given().auth().oauth2(coordinator).when().get(platform.url("volunteers") + "/api/v1/hubs/" + hub + "/audit/verify")
                .then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
        // Another hub's coordinator cannot read this hub's chain.
        given().auth().oauth2(platform.token("coordinator.ebbw-vale"))
                .when().get(platform.url("volunteers") + "/api/v1/hubs/" + hub + "/audit").then().statusCode(403);
    }

    private JsonPath audit(String token, String hub) {
        return given().auth().oauth2(token).queryParam("limit", 500)
                .when().get(platform.url("volunteers") + "/api/v1/hubs/" + hub + "/audit")
                .then().statusCode(200).extract().jsonPath();
    }
}
