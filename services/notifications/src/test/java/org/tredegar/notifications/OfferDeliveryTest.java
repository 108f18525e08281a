package org.tredegar.notifications;

import org.tredegar.platform.sms.TwilioSignature;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class OfferDeliveryTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    static OfferMade offer(UUID offerId, UUID volunteerId, String code, String language) {
        return new OfferMade(offerId, UUID.randomUUID(), volunteerId, TREDEGAR, HelpCategory.GROCERIES, Urgency.URGENT, 1.4,
                code, language, TestClock.current().plus(Duration.ofMinutes(30)), TestClock.current());
    }

    static String phone() {
        return "+447700" + (100000 + (int) (Math.random() * 800000));
    }

    @Test
    void offerReachesAVolunteerBySmsInSpanishAndAYesAcceptsIt() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = phone();
        String sid = "SM" + offerId.toString().replace("-", "");
        Stubs.volunteerContact(volunteerId, "sms", phone, "es");
        Stubs.smsAccepted(phone, sid);
        Events.publish(offer(offerId, volunteerId, "4821", "es"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !sentTo(phone).isEmpty());
        LoggedRequest sms = sentTo(phone).get(0);
        Map<String, String> form = form(sms.getBodyAsString());
        assertThat(form.get("Body")).contains("necesita ayuda").contains("1,4 km").contains("la compra").contains("4821");
        // From the hub's own number, so that the volunteer's answer comes back to that hub.
        assertThat(form.get("From")).isEqualTo(ExternalWorld.TREDEGAR_NUMBER);
        assertThat(sms.getHeader("Idempotency-Key")).isNotBlank();
        assertThat(sms.getHeader("Authorization")).startsWith("Basic ");
        // The contact was asked for with this service's own client-credentials token.
        ExternalWorld.services().verify(getRequestedFor(urlEqualTo("/api/v1/volunteers/" + volunteerId + "/contact"))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN)));
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND provider_ref = ?", offerId, sid) == 1);
        assertThat(DB.rows("SELECT * FROM notifications WHERE subject_ref = ?", offerId).get(0).toString()).doesNotContain(phone.substring(1));

        // The delivery receipt updates the notification.
        Map<String, String> receipt = Map.of("MessageSid", sid, "MessageStatus", "delivered", "To", phone);
        signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);
        assertThat(DB.rows("SELECT delivery_status FROM notifications WHERE subject_ref = ?", offerId).get(0).get("delivery_status"))
                .isEqualTo("delivered");

        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/offers/" + offerId + "/accept"))
                .willReturn(aResponse().withStatus(204)));
        Map<String, String> reply = Map.of("From", phone, "To", "+447700900000", "Body", " sí ");
        signed(reply, "/api/v1/channels/sms/inbound").post("/api/v1/channels/sms/inbound").then().statusCode(200)
                .body(containsString("<Message>")).body(containsString("¡Gracias!"));
        ExternalWorld.services().verify(postRequestedFor(urlEqualTo("/api/v1/offers/" + offerId + "/accept"))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN))
                .withRequestBody(containing(volunteerId.toString())));
        assertThat(DB.rows("SELECT answer FROM notifications WHERE subject_ref = ?", offerId).get(0).get("answer")).isEqualTo("accepted");
    }

    @Test
    void theOfferCodeAnswersThatOfferAndAnUnsignedReplyIsRefused() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = phone();
        Stubs.volunteerContact(volunteerId, "sms", phone, "en");
        Stubs.smsAccepted(phone, "SM" + offerId.toString().replace("-", ""));
        Events.publish(offer(offerId, volunteerId, "7319", "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent'", offerId) == 1);

        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("From", phone, "Body", "7319"))
                .post("/api/v1/channels/sms/inbound").then().statusCode(403).contentType("application/problem+json");
        ExternalWorld.services().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/offers/" + offerId + "/accept")));

        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/offers/" + offerId + "/accept")).willReturn(aResponse().withStatus(204)));
        signed(Map.of("From", phone, "Body", "7319"), "/api/v1/channels/sms/inbound").post("/api/v1/channels/sms/inbound")
                .then().statusCode(200).body(containsString("Thank you"));
        ExternalWorld.services().verify(1, postRequestedFor(urlEqualTo("/api/v1/offers/" + offerId + "/accept")));

        // Once answered, a further YES is told kindly that there is nothing more to do.
        signed(Map.of("From", phone, "Body", "YES"), "/api/v1/channels/sms/inbound").post("/api/v1/channels/sms/inbound")
                .then().statusCode(200).body(containsString("no longer open"));
        ExternalWorld.services().verify(1, postRequestedFor(urlEqualTo("/api/v1/offers/" + offerId + "/accept")));
    }

    /** A volunteer who works by text only pauses with OFF and comes back with ON, answered in their language. */
    @Test
    void offAndOnByTextSwitchDutyThroughTheVolunteersServiceAndStrangersAreToldHowToUseTheNumber() {
        UUID volunteerId = UUID.randomUUID();
        String phone = phone();
        ExternalWorld.services().stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/api/v1/volunteers/duty-by-contact"))
                .withRequestBody(containing(phone)).withRequestBody(containing("\"onDuty\":false"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"volunteerId\":\"" + volunteerId + "\",\"onDuty\":false,\"language\":\"es\"}")));
        ExternalWorld.services().stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/api/v1/volunteers/duty-by-contact"))
                .withRequestBody(containing(phone)).withRequestBody(containing("\"onDuty\":true"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"volunteerId\":\"" + volunteerId + "\",\"onDuty\":true,\"language\":\"en\"}")));

        signed(Map.of("From", phone, "Body", " off. "), "/api/v1/channels/sms/inbound").post("/api/v1/channels/sms/inbound")
                .then().statusCode(200).body(containsString("fuera de servicio"));
        signed(Map.of("From", phone, "Body", "ON"), "/api/v1/channels/sms/inbound").post("/api/v1/channels/sms/inbound")
                .then().statusCode(200).body(containsString("you are on duty"));
        ExternalWorld.services().verify(2, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlEqualTo("/api/v1/volunteers/duty-by-contact")).withRequestBody(containing(phone)));

        String stranger = phone();
        ExternalWorld.services().stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/api/v1/volunteers/duty-by-contact"))
                .withRequestBody(containing(stranger)).willReturn(aResponse().withStatus(404)));
        signed(Map.of("From", stranger, "Body", "OFF"), "/api/v1/channels/sms/inbound").post("/api/v1/channels/sms/inbound")
                .then().statusCode(200).body(containsString("text what you need and where"))
                .body(org.hamcrest.Matchers.not(containsString("off duty")));
    }

    @Test
    void offerReachesAVolunteerByEmailInArabicRightToLeft() throws Exception {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String email = "volunteer-" + volunteerId + "@example.org";
        Stubs.volunteerContact(volunteerId, "email", email, "ar");
        Events.publish(offer(offerId, volunteerId, "5150", "ar"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Mails.to(email).isEmpty());
        MimeMessage mail = Mails.to(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("هل يمكنك مساعدة شخص قريب منك؟");
        assertThat(Mails.text(mail)).contains("1.4 كم").contains("التسوّق").contains("5150");
        String html = Mails.html(mail);
        assertThat(html).contains("dir=\"rtl\"").contains("lang=\"ar\"");
        assertThat(mail.getHeader("Message-ID")[0]).contains("@notifications.tredegar");
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND channel = 'email'", offerId) == 1);
    }

    @Test
    void aNumberThatCannotTakeSmsFallsBackToEmail() throws Exception {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = phone();
        String email = "fallback-" + volunteerId + "@example.org";
        Stubs.volunteerContact(volunteerId, "sms", phone, "fr",
                "[{\"channel\":\"email\",\"value\":\"" + email + "\"}]");
        ExternalWorld.smsProvider().stubFor(post(urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=%2B" + phone.substring(1)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21614,\"message\":\"not a mobile number\"}")));
        Events.publish(offer(offerId, volunteerId, "2468", "fr"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Mails.to(email).isEmpty());
        assertThat(Mails.to(email).get(0).getSubject().toString()).contains("Pouvez-vous aider");
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND channel = 'email'", offerId) == 1);
        assertThat(sentTo(phone)).hasSize(1);
    }

    static List<LoggedRequest> sentTo(String phone) {
        return ExternalWorld.smsProvider().findAll(postRequestedFor(urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=%2B" + phone.substring(1))));
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a, LinkedHashMap::new));
    }

    /** A request as the SMS provider makes it: form parameters and X-Twilio-Signature over the URL it calls. */
    static io.restassured.specification.RequestSpecification signed(Map<String, String> params, String path) {
        String url = "http://localhost:" + RestAssured.port + path;
        Map<String, List<String>> multi = params.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(params)
                .header("X-Twilio-Signature", TwilioSignature.sign(ExternalWorld.SMS_AUTH_TOKEN, url, multi));
    }
}
