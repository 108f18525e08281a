package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.tredegar.notifications.OfferDeliveryTest.form;
import static org.tredegar.notifications.OfferDeliveryTest.offer;
import static org.tredegar.notifications.OfferDeliveryTest.phone;
import static org.tredegar.notifications.OfferDeliveryTest.sentTo;
import static org.tredegar.notifications.OfferDeliveryTest.signed;

/**
 * The one inbound route (ADR 0010): every text to a hub number is read here, keywords first, then volunteers, then
 * running tasks' requesters, then the requests service's conversation. The other services are played by WireMock
 * (their own tests and the end-to-end test cover them for real).
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class InboundTextsTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");
    static final String INBOUND = "/api/v1/channels/sms/inbound";

    static io.restassured.response.ValidatableResponse text(String from, String body) {
        return signed(Map.of("From", from, "To", ExternalWorld.TREDEGAR_NUMBER, "Body", body,
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")), INBOUND).post(INBOUND).then().statusCode(200);
    }

    /** The requests service answers texts from this number with this conversation step. */
    static void conversationAnswers(String from, String json) {
        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/sms-conversations/messages"))
                .withRequestBody(matchingJsonPath("$.from", equalTo(from)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    static void volunteerWithFirstName(UUID volunteerId, String phone, String firstName) {
        ExternalWorld.services().stubFor(get(urlEqualTo("/api/v1/volunteers/" + volunteerId + "/contact"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"channel\":\"sms\",\"value\":\"" + phone + "\",\"language\":\"en\",\"firstName\":\"" + firstName + "\"}")));
    }

    /** A volunteer reached by SMS at {@code phone}, who has had one offer (with this code) by text. */
    static void volunteerWithAnOffer(UUID volunteerId, String phone, UUID offerId, String code) {
        Stubs.volunteerContact(volunteerId, "sms", phone, "en");
        Stubs.smsAccepted(phone, "SM" + UUID.randomUUID().toString().replace("-", ""));
        Events.publish(offer(offerId, volunteerId, code, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phone).size() == 1);
    }

    @Test
    void stopSilencesEveryTextToTheNumberUntilStartAndIsReadInTheSendersLanguage() {
        UUID volunteerId = UUID.randomUUID();
        String phone = phone();
        volunteerWithAnOffer(volunteerId, phone, UUID.randomUUID(), "K7Q2MX");

        text(phone, "Arrêt").body(containsString("Nous ne vous enverrons plus de SMS"));
        assertThat(DB.count("SELECT count(*) FROM sms_opt_outs")).isPositive();
        assertThat(DB.rows("SELECT * FROM sms_opt_outs").toString()).doesNotContain(phone.substring(1));

        UUID second = UUID.randomUUID();
        Events.publish(offer(second, volunteerId, "P3RW7T", "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'skipped' AND reason LIKE '%STOP%'", second) == 1);
        assertThat(sentTo(phone)).hasSize(1);

        text(phone, "start").body(containsString("we will text you again"));
        UUID third = UUID.randomUUID();
        Events.publish(offer(third, volunteerId, "H4NX9C", "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phone).size() == 2);
    }

    @Test
    void helpIsAnsweredBeforeAnyConversationAndNothingReachesTheRequestsService() {
        String stranger = phone();
        text(stranger, " ayuda ").body(containsString("para pedir ayuda")).body(containsString("Tredegar Mutual Aid"));
        ExternalWorld.services().verify(0, postRequestedFor(urlEqualTo("/api/v1/sms-conversations/messages"))
                .withRequestBody(containing(stranger)));
    }

    @Test
    void aFirstTextGoesToTheRequestsServiceAndItsQuestionIsAskedInThePersonsLanguage() {
        String person = phone();
        conversationAnswers(person, "{\"outcome\":\"asked-what\",\"hubId\":\"" + TREDEGAR + "\",\"hubSlug\":\"tredegar\","
                + "\"requestId\":null,\"trackingCode\":null,\"language\":\"es\",\"choices\":[\"groceries\",\"medication-pickup\",\"other\"]}");
        text(person, "es: necesito ayuda, no puedo salir")
                .body(containsString("¿Qué necesitas?")).body(containsString("1 la compra"))
                .body(containsString("2 recoger medicinas")).body(containsString("3 "));
        ExternalWorld.services().verify(postRequestedFor(urlEqualTo("/api/v1/sms-conversations/messages"))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN))
                .withRequestBody(matchingJsonPath("$.to", equalTo(ExternalWorld.TREDEGAR_NUMBER)))
                .withRequestBody(matchingJsonPath("$.messageId", WireMock.matching("SM[0-9a-f]{32}")))
                .withRequestBody(matchingJsonPath("$.body", equalTo("es: necesito ayuda, no puedo salir"))));

        // Once the request exists, its "we have your request" message carries the tracking code (asked at send time).
        conversationAnswers(person, "{\"outcome\":\"submitted\",\"hubId\":\"" + TREDEGAR + "\",\"language\":\"es\"}");
        text(person, "NP22 3AB").body(not(containsString("<Message>")));
    }

    @Test
    void whenTheRequestsServiceCannotTakeATextThePersonIsAskedToTextAgain() {
        String person = phone();
        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/sms-conversations/messages"))
                .withRequestBody(matchingJsonPath("$.from", equalTo(person))).willReturn(aResponse().withStatus(503)));
        text(person, "need shopping").body(containsString("Please text again"));
    }

    @Test
    void aYesBringsTheTaskAndTheRelayPassesTextsBothWaysUntilDone() {
        UUID volunteerId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        String volunteerPhone = phone();
        String requesterPhone = phone();
        volunteerWithFirstName(volunteerId, volunteerPhone, "Sam");
        Stubs.requesterContact(requestId, "sms", requesterPhone, "en");
        Stubs.smsAccepted(volunteerPhone, "SM" + UUID.randomUUID().toString().replace("-", ""));
        Stubs.smsAccepted(requesterPhone, "SM" + UUID.randomUUID().toString().replace("-", ""));
        ExternalWorld.services().stubFor(get(urlEqualTo("/api/v1/requests/" + requestId + "/task"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"" + requestId + "\",\"hubId\":\"" + TREDEGAR + "\",\"category\":\"groceries\","
                                + "\"urgency\":\"urgent\",\"description\":\"bread and milk, ring twice\","
                                + "\"place\":{\"label\":\"NP22 3AB\",\"latitude\":51.77312,\"longitude\":-3.24811},"
                                + "\"window\":null,\"language\":\"en\"}")));

        Events.publish(new RequestSubmitted(requestId, TREDEGAR, HelpCategory.GROCERIES, Urgency.URGENT, "bread and milk",
                null, null, List.of(), "en", true, ContactChannel.SMS, IntakeChannel.SMS, null, false, TestClock.current()));
        Events.publish(offer(offerId, volunteerId, "T5KM8R", "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(volunteerPhone).size() == 1 && sentTo(requesterPhone).size() == 1);

        Events.publish(new OfferAccepted(offerId, requestId, volunteerId, assignmentId, TREDEGAR, TestClock.current()));
        Events.publish(new RequestMatched(requestId, TREDEGAR, assignmentId, volunteerId, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(volunteerPhone).size() == 2 && sentTo(requesterPhone).size() == 2);

        Map<String, String> task = form(sentTo(volunteerPhone).get(1).getBodyAsString());
        assertThat(task.get("Body")).contains("groceries").contains("bread and milk, ring twice")
                .contains("NP22 3AB (51.77312, -3.24811)").contains("DONE").contains("CANT")
                .doesNotContain(requesterPhone.substring(3));
        Map<String, String> onTheWay = form(sentTo(requesterPhone).get(1).getBodyAsString());
        assertThat(onTheWay.get("Body")).contains("Sam").contains("text this number").doesNotContain(volunteerPhone.substring(3));
        assertThat(onTheWay.get("From")).isEqualTo(ExternalWorld.TREDEGAR_NUMBER);
        // The task details are not kept: only the names of the template's values.
        assertThat(DB.rows("SELECT params FROM notifications WHERE recipient_ref = ? AND kind = 'task-details'", volunteerId)
                .toString()).doesNotContain("NP22").doesNotContain("ring twice");

        text(volunteerPhone, "I'm outside, blue door?").body(not(containsString("<Message>")));
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(requesterPhone).size() == 3);
        Map<String, String> relayed = form(sentTo(requesterPhone).get(2).getBodyAsString());
        assertThat(relayed.get("Body")).isEqualTo("From your volunteer: I'm outside, blue door?");
        assertThat(relayed.get("From")).isEqualTo(ExternalWorld.TREDEGAR_NUMBER);

        text(requesterPhone, "Coming down now").body(not(containsString("<Message>")));
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(volunteerPhone).size() == 3);
        assertThat(form(sentTo(volunteerPhone).get(2).getBodyAsString()).get("Body"))
                .isEqualTo("From the person you are helping: Coming down now");

        // Each relayed text is an access in the hub's audit trail: who reached whom about which request, never the text.
        List<Map<String, Object>> audit = DB.rows("SELECT actor, action, detail FROM audit_log WHERE subject_id = ? ORDER BY seq",
                requestId.toString());
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("relay.text-passed", "relay.text-passed");
        assertThat(audit.toString()).doesNotContain("blue door").doesNotContain("Coming down");

        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/assignments/" + assignmentId + "/complete"))
                .willReturn(aResponse().withStatus(204)));
        text(volunteerPhone, "Done!").body(containsString("marked as done"));
        ExternalWorld.services().verify(postRequestedFor(urlEqualTo("/api/v1/assignments/" + assignmentId + "/complete"))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN))
                .withRequestBody(matchingJsonPath("$.volunteerId", equalTo(volunteerId.toString()))));
        assertThat(DB.count("SELECT count(*) FROM task_relays WHERE assignment_id = ? AND closed_at IS NOT NULL", assignmentId)).isOne();

        // The relay is closed: the requester's next text goes to their conversation, not to the volunteer.
        conversationAnswers(requesterPhone, "{\"outcome\":\"appended\",\"hubId\":\"" + TREDEGAR + "\",\"language\":\"en\"}");
        text(requesterPhone, "thank you so much").body(containsString("added this to your request"));
        assertThat(sentTo(volunteerPhone)).hasSize(3);
        // And a second DONE finds nothing running.
        text(volunteerPhone, "DONE").body(containsString("no task running"));
    }

    @Test
    void aTaskWithATimeIsRemindedAnHourBeforeAndNotAtAllOnceItHasEnded() {
        UUID requestId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        String volunteerPhone = phone();
        Stubs.volunteerContact(volunteerId, "sms", volunteerPhone, "en");
        Stubs.requesterContact(requestId, "none", "", "en");
        Stubs.smsAccepted(volunteerPhone, "SM" + UUID.randomUUID().toString().replace("-", ""));
        java.time.Instant from = TestClock.current().plus(Duration.ofHours(3));
        ExternalWorld.services().stubFor(get(urlEqualTo("/api/v1/requests/" + requestId + "/task"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"" + requestId + "\",\"hubId\":\"" + TREDEGAR + "\",\"category\":\"transport\","
                                + "\"urgency\":\"scheduled\",\"description\":\"to the clinic\",\"place\":null,"
                                + "\"window\":{\"from\":\"" + from + "\",\"to\":\"" + from.plus(Duration.ofHours(1)) + "\"},\"language\":\"en\"}")));
        Events.publish(new RequestSubmitted(requestId, TREDEGAR, HelpCategory.TRANSPORT, Urgency.SCHEDULED, "to the clinic",
                null, null, List.of(), "en", false, ContactChannel.NONE, IntakeChannel.WEB,
                new org.tredegar.contracts.model.TimeWindow(from, from.plus(Duration.ofHours(1))), false, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("SELECT count(*) FROM requester_channels WHERE request_id = ?", requestId) == 1);
        Events.publish(new OfferAccepted(UUID.randomUUID(), requestId, volunteerId, assignmentId, TREDEGAR, TestClock.current()));

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND kind = 'task-reminder' AND status = 'held'", assignmentId) == 1);
        Object due = DB.value("SELECT next_attempt_at FROM notifications WHERE subject_ref = ? AND kind = 'task-reminder'", assignmentId);
        assertThat(((java.sql.Timestamp) due).toInstant()).isEqualTo(from.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(volunteerPhone).stream()
                .anyMatch(r -> form(r.getBodyAsString()).get("Body").contains("Reply DONE")));

        // Its time comes: the reminder goes out with the task as it stands.
        DB.update("UPDATE notifications SET next_attempt_at = ? WHERE subject_ref = ? AND kind = 'task-reminder'",
                java.sql.Timestamp.from(TestClock.current()), assignmentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(volunteerPhone).stream()
                .anyMatch(r -> form(r.getBodyAsString()).get("Body").startsWith("A reminder")));

        // A reminder whose task has ended by then is not sent.
        UUID ended = UUID.randomUUID();
        UUID endedAssignment = UUID.randomUUID();
        Stubs.requesterContact(ended, "none", "", "en");
        ExternalWorld.services().stubFor(get(urlEqualTo("/api/v1/requests/" + ended + "/task"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"task-not-running\",\"status\":409}")));
        Events.publish(new RequestSubmitted(ended, TREDEGAR, HelpCategory.TRANSPORT, Urgency.SCHEDULED, "to the dentist",
                null, null, List.of(), "en", false, ContactChannel.NONE, IntakeChannel.WEB,
                new org.tredegar.contracts.model.TimeWindow(from, from), false, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("SELECT count(*) FROM requester_channels WHERE request_id = ?", ended) == 1);
        Events.publish(new OfferAccepted(UUID.randomUUID(), ended, volunteerId, endedAssignment, TREDEGAR, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND kind = 'task-reminder'", endedAssignment) == 1);
        DB.update("UPDATE notifications SET next_attempt_at = ? WHERE subject_ref = ? AND kind = 'task-reminder'",
                java.sql.Timestamp.from(TestClock.current()), endedAssignment);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND kind = 'task-reminder' AND status = 'skipped'", endedAssignment) == 1);
    }

    /**
     * Found by the loop benchmark: on a busy day a neighbour's YES can come back before the offer's sending is
     * recorded. It is still read as their answer, never as a new person asking for help.
     */
    @Test
    void aYesQuickerThanTheRecordOfItsOfferIsStillTheVolunteersAnswer() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = phone();
        Stubs.volunteerContact(volunteerId, "sms", phone, "en");
        // The provider has the text at once but answers the send only 4 s later: the row stays "sending" meanwhile.
        ExternalWorld.smsProvider().stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(4000).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}")));
        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/offers/" + offerId + "/accept")).willReturn(aResponse().withStatus(204)));
        Events.publish(offer(offerId, volunteerId, "Q8RT4Z", "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sending' AND reply_hash IS NOT NULL", offerId) == 1);

        text(phone, "YES Q8RT4Z").body(containsString("The details of the task come in the next text"));
        ExternalWorld.services().verify(1, postRequestedFor(urlEqualTo("/api/v1/offers/" + offerId + "/accept")));
        ExternalWorld.services().verify(0, postRequestedFor(urlEqualTo("/api/v1/sms-conversations/messages"))
                .withRequestBody(containing(phone.substring(1))));
    }

    @Test
    void anOfferCodeThatIsNotTheirsChangesNothing() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = phone();
        volunteerWithAnOffer(volunteerId, phone, offerId, "AB12CD");

        text(phone, "YES ZZ99ZZ").body(containsString("That code is not yours"));
        ExternalWorld.services().verify(0, postRequestedFor(urlEqualTo("/api/v1/offers/" + offerId + "/accept")));

        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/offers/" + offerId + "/accept")).willReturn(aResponse().withStatus(204)));
        // Five YESes in a row: one answer, then "no longer open".
        text(phone, "yes ab12cd").body(containsString("The details of the task come in the next text"));
        for (int i = 0; i < 4; i++) {
            text(phone, "YES").body(containsString("no longer open"));
        }
        ExternalWorld.services().verify(1, postRequestedFor(urlEqualTo("/api/v1/offers/" + offerId + "/accept")));
    }

    @Test
    void badInputGetsASensibleAnswerOrSilenceNeverAnError() {
        String withheld = "anonymous";
        text(withheld, "help me").body(not(containsString("<Message>")));
        signed(Map.of("To", ExternalWorld.TREDEGAR_NUMBER, "Body", "no sender"), INBOUND).post(INBOUND).then().statusCode(200)
                .body(not(containsString("<Message>")));

        String person = phone();
        conversationAnswers(person, "{\"outcome\":\"asked-what\",\"hubId\":\"" + TREDEGAR + "\",\"language\":\"en\","
                + "\"choices\":[\"groceries\",\"other\"]}");
        text(person, "").body(containsString("What do you need?"));
        text(person, "😀😀😀").body(containsString("What do you need?"));
        text(person, "x".repeat(1600)).body(containsString("What do you need?"));
        text(person, "أحتاج إلى دواء").body(containsString("What do you need?"));
        // A text naming a hub number nobody has still reaches the requests service, which decides (here: not taken).
        String elsewhere = phone();
        ExternalWorld.services().stubFor(post(urlEqualTo("/api/v1/sms-conversations/messages"))
                .withRequestBody(matchingJsonPath("$.from", equalTo(elsewhere)))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"hub-not-found\",\"status\":404}")));
        signed(Map.of("From", elsewhere, "To", "+447700900999", "Body", "hello", "MessageSid", "SMx1"), INBOUND).post(INBOUND)
                .then().statusCode(200).body(containsString("Please text again"));
    }
}
