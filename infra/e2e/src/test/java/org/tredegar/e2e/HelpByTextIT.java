package org.tredegar.e2e;

import org.tredegar.testing.WholePlatform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tredegar.e2e.RequestToNotificationFlowIT.count;

/**
 * The help loop, closed for people, on the real processes (all services, Kafka, PostgreSQL, Keycloak, the sandbox as
 * the SMS provider and mail catcher). By text: a person texts the hub, answers its questions, a neighbour who works by
 * text only gets the offer, says YES, gets the task, the two exchange a message through the hub's number without
 * seeing each other's, the neighbour texts DONE and the person answers the follow-up. By email: the same for someone
 * who asked on the web and gave an email address. Nothing fails to send.
 */
class HelpByTextIT {
    static final String HUB_NUMBER = "+447700900100";
    private static final Pattern OFFER_CODE = Pattern.compile("\\(Code ([A-Z0-9]{4,8})\\)");
    final WholePlatform platform = WholePlatform.get();

    @Test
    void aPersonWhoTextsIsHelpedByANeighbourWhoWorksByText() {
        String person = dramaNumber();
        String neighbour = dramaNumber();
        registerTextOnlyVolunteer("Sam Jones", neighbour, 51.7727, -3.2467);

        text(person, "need shopping, can't get out");
        String question = awaitText(person, t -> t.contains("Where should a neighbour come") || t.contains("What do you need"));
        if (question.contains("What do you need")) {
            text(person, "1");
            awaitText(person, t -> t.contains("Where should a neighbour come"));
        }
        text(person, "NP22");
        String received = awaitText(person, t -> t.contains("We have your request") || t.contains("Thank you for asking"));
        assertThat(received).containsPattern("tracking code is [A-Z0-9-]+");

        String offer = awaitText(neighbour, t -> t.contains("Reply YES") && t.contains("groceries"));
        text(neighbour, "YES " + code(offer));
        awaitText(neighbour, t -> t.contains("You have said yes"));
        String task = awaitText(neighbour, t -> t.contains("Reply DONE"));
        assertThat(task).contains("groceries").contains("need shopping").doesNotContain(person.substring(3));

        String onTheWay = awaitText(person, t -> t.contains("has agreed to help you"));
        assertThat(onTheWay).contains("Sam").doesNotContain("Jones").doesNotContain(neighbour.substring(3));

        // The masked relay: both sides text the hub's number; each reads the other's words from the hub's number.
        text(neighbour, "On my way, ten minutes");
        Map<String, Object> relayed = awaitMessage(person, t -> t.contains("On my way, ten minutes"));
        assertThat(relayed.get("from")).isEqualTo(HUB_NUMBER);
        assertThat(relayed.get("body").toString()).startsWith("From your volunteer:").doesNotContain(neighbour.substring(3));
        text(person, "Thank you, the door is round the back");
        Map<String, Object> back = awaitMessage(neighbour, t -> t.contains("the door is round the back"));
        assertThat(back.get("from")).isEqualTo(HUB_NUMBER);

        text(neighbour, "DONE");
        awaitText(neighbour, t -> t.contains("marked as done"));
        awaitText(person, t -> t.contains("glad the help reached you")); // a text is the body: the first line is the subject of the email

        // The follow-up comes (a few seconds after in this test platform) and its answer is recorded.
        awaitText(person, t -> t.contains("Do you still need help?"));
        text(person, "no thanks");
        awaitText(person, t -> t.contains("Thank you for letting us know"));

        // Nothing the platform tried to send failed.
        assertThat(count(RequestToNotificationFlowIT.NOTIFICATIONS, "SELECT count(*) FROM notifications WHERE status = 'failed'"))
                .isZero();
    }

    @Test
    void aPersonWhoGaveAnEmailAddressIsKeptInformedByEmail() {
        String neighbour = dramaNumber();
        // South of the town, more than one distance band from the volunteers other tests register in the centre, so
        // this neighbour is among the first asked whatever ran before.
        registerTextOnlyVolunteer("Ceri Evans", neighbour, 51.7500, -3.2467);
        String email = "asker-" + ThreadLocalRandom.current().nextInt(100000, 999999) + "@example.org";
        given().contentType(ContentType.JSON).body("""
                        {"category":"prepared-meals","urgency":"urgent","description":"A hot meal for two, please",
                         "location":{"lat":51.7500,"lon":-3.2467},"contact":{"channel":"email","value":"%s"},
                         "language":"en"}""".formatted(email))
                .when().post(platform.url("requests") + "/api/v1/requests")
                .then().statusCode(202);

        String received = awaitMail(email, "We have your request");
        Matcher tracking = Pattern.compile("tracking code is ([A-Z0-9-]+)").matcher(received);
        assertThat(tracking.find()).isTrue();

        String offer = awaitText(neighbour, t -> t.contains("Reply YES") && t.contains("a cooked meal"));
        text(neighbour, "yes " + code(offer).toLowerCase());
        String task = awaitText(neighbour, t -> t.contains("Reply DONE"));
        assertThat(task).contains("A hot meal for two").doesNotContain(email);

        assertThat(awaitMail(email, "A neighbour is on the way")).contains("Ceri").doesNotContain(neighbour.substring(3));
        text(neighbour, "done");
        awaitMail(email, "Your request is marked as done");
        awaitMail(email, "Do you still need help?");
        // Someone without SMS answers on the tracking page (the follow-up endpoint the page uses), by tracking code.
        given().contentType(ContentType.JSON).body("{\"stillNeedHelp\":false}")
                .when().post(platform.url("requests") + "/api/v1/requests/track/" + tracking.group(1) + "/follow-up")
                .then().statusCode(200);
    }

    private void registerTextOnlyVolunteer(String name, String phone, double lat, double lon) {
        given().auth().oauth2(platform.token("coordinator.tredegar")).contentType(ContentType.JSON)
                .body("""
                        {"displayName":"%s","hubs":["tredegar"],"location":{"lat":%s,"lon":%s},
                         "radiusKm":5,"skills":["driving"],"languages":["en"],"onDuty":true,
                         "contact":{"channel":"sms","value":"%s"}}""".formatted(name, lat, lon, phone))
                .when().post(platform.url("volunteers") + "/api/v1/volunteers")
                .then().statusCode(201);
    }

    private static String code(String offer) {
        Matcher m = OFFER_CODE.matcher(offer);
        assertThat(m.find()).as("the offer text names its code: " + offer).isTrue();
        return m.group(1);
    }

    /** Numbers from the range set aside for drama (07700 900000–900999): nobody's real phone. */
    private static String dramaNumber() {
        return "+447700900" + String.format("%03d", ThreadLocalRandom.current().nextInt(300, 999));
    }

    private void text(String from, String body) {
        given().contentType(ContentType.JSON).body(Map.of("from", from, "to", HUB_NUMBER, "body", body))
                .when().post(platform.sandboxUrl() + "/api/messages").then().statusCode(202);
    }

    private String awaitText(String phone, Predicate<String> wanted) {
        return awaitMessage(phone, wanted).get("body").toString();
    }

    /** The first text the platform sent to this phone that matches, waiting for it. */
    private Map<String, Object> awaitMessage(String phone, Predicate<String> wanted) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> outTo(phone).stream().filter(m -> wanted.test(m.get("body").toString())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<Map<String, Object>> outTo(String phone) {
        return given().queryParam("to", phone).when().get(platform.sandboxUrl() + "/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.direction == 'out' }");
    }

    private String awaitMail(String to, String subject) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<Map<String, Object>> mails = given().queryParam("to", to).when().get(platform.sandboxUrl() + "/api/mail")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            return mails.stream().filter(m -> String.valueOf(m.get("subject")).contains(subject))
                    .map(m -> String.valueOf(m.get("text"))).findFirst();
        }, Optional::isPresent).orElseThrow();
    }
}
