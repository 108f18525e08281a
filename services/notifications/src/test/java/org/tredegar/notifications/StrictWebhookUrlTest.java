package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** As in production: webhooks may not reach into our own or any private network. */
@QuarkusTest
@TestProfile(StrictWebhookUrlTest.Production.class)
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
@TestSecurity(user = "partner-demo", roles = "partner")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class StrictWebhookUrlTest {
    static final Db DB = Db.of("notifications");
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tredegar.webhooks.allow-private", "false", "tredegar.dispatch.enabled", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8084/hook", "http://localhost/hook", "http://10.1.2.3/hook",
            "http://192.168.1.10/hook", "http://172.16.0.5/hook", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook"})
    void privateAndLoopbackTargetsAreRefused(String url) {
        long before = DB.count("SELECT count(*) FROM subscriptions");
        given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(Events.LOW_STOCK), "hubs", List.of("tredegar"),
                        "secret", "a-partner-secret-of-enough-length-0123"))
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("detail", containsString("private"));
        assertThat(DB.count("SELECT count(*) FROM subscriptions")).isEqualTo(before);
    }

    @Test
    void aPublicAddressIsAccepted() {
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.215.14/hook", "eventTypes", List.of(Events.LOW_STOCK),
                        "hubs", List.of("tredegar"), "secret", "a-partner-secret-of-enough-length-0123"))
                .post("/api/v1/subscriptions").then().statusCode(201).body("status", equalTo("active"));
    }
}
