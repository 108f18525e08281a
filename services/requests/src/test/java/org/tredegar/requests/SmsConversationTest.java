package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.domain.SmsIntakeJob;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.tredegar.requests.TestRequests.DB;
import static org.tredegar.requests.Texts.text;

/** Asking for help by text, as notifications hands the texts on: at most two questions, then a normal request. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "notifications", roles = "service")
class SmsConversationTest {
    static final List<String> CHOICES = List.of("groceries", "prepared-meals", "medication-pickup", "transport",
            "check-in-call", "warmth", "household-repair", "other");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    @Inject
    ContactCipher cipher;
    @Inject
    SmsIntakeJob job;

    RequestSubmitted submitted(String requestId) {
        return EventJson.read(TestRequests.published(UUID.fromString(requestId), RequestSubmitted.class).value(), RequestSubmitted.class);
    }

    @Test
    void twoQuestionsThenTheRequestWithTheChosenCategoryAndThePlace() {
        String from = Texts.newNumber();
        text(from, "Hello, can you help me?")
                .body("outcome", equalTo("asked-what")).body("hubId", equalTo(TREDEGAR.toString()))
                .body("hubSlug", equalTo("tredegar")).body("requestId", nullValue()).body("trackingCode", nullValue())
                .body("language", equalTo("en")).body("choices", equalTo(CHOICES));
        text(from, "3").body("outcome", equalTo("asked-where")).body("choices", empty()).body("requestId", nullValue());
        assertThat(Texts.requestsOf(cipher, from)).as("nothing is a request before the last answer").isEmpty();

        var done = text(from, "I'm by Bedwellty Park, the blue door").body("outcome", equalTo("submitted"))
                .body("trackingCode", matchesPattern("[A-Z2-9]{4}-[A-Z2-9]{4}")).extract();
        String id = done.path("requestId");
        var row = Texts.requestsOf(cipher, from);
        assertThat(row).singleElement().satisfies(r -> assertThat(r).containsEntry("id", UUID.fromString(id))
                .containsEntry("category", "medication-pickup").containsEntry("urgency", "routine")
                .containsEntry("channel", "sms").containsEntry("status", "submitted").containsEntry("area", "Bedwellty Park")
                .containsEntry("lat", 51.7694).containsEntry("lon", -3.2461).containsEntry("description", "Hello, can you help me?"));
        assertThat(DB.value("SELECT tracking_code FROM help_requests WHERE id = ?", UUID.fromString(id)))
                .isEqualTo(done.path("trackingCode"));
        RequestSubmitted event = submitted(id);
        assertThat(event.category()).isEqualTo(HelpCategory.MEDICATION_PICKUP);
        assertThat(event.channel()).isEqualTo(IntakeChannel.SMS);
        assertThat(event.contactChannel()).isEqualTo(ContactChannel.SMS);
        assertThat(event.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(event.location()).as("to ~100 m").isEqualTo(new GeoPoint(51.769, -3.246));
        assertThat(event.area()).isEqualTo("Bedwellty Park");
        assertThat(event.hubId()).isEqualTo(TREDEGAR);
        assertThat(DB.value("SELECT channel FROM request_contacts WHERE request_id = ?", UUID.fromString(id))).isEqualTo("sms");

        var intake = Texts.intakeOf(cipher, from);
        assertThat(intake).containsEntry("step", "submitted").containsEntry("description", "")
                .containsEntry("ciphertext", null).containsEntry("lat", null).containsEntry("area", null);
    }

    @Test
    void aFirstTextThatSaysWhatAndWhereIsARequestAtOnce() {
        String from = Texts.newNumber();
        String id = text(from, "need shopping, can't get out. NP22 3AB").body("outcome", equalTo("submitted")).extract().path("requestId");
        RequestSubmitted event = submitted(id);
        assertThat(event.category()).isEqualTo(HelpCategory.GROCERIES);
        assertThat(event.area()).isEqualTo("NP22 3AB");
        assertThat(event.location()).isNull();
        assertThat(event.description()).isEqualTo("need shopping, can't get out. NP22 3AB");
    }

    @Test
    void aKeywordSkipsTheFirstQuestionInTheSendersLanguage() {
        String from = Texts.newNumber();
        text(from, "es: Necesito comida para mis hijos").body("outcome", equalTo("asked-where"))
                .body("language", equalTo("es")).body("choices", empty());
        String id = text(from, "Castle Street").body("outcome", equalTo("submitted")).body("language", equalTo("es"))
                .extract().path("requestId");
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("category", "groceries").containsEntry("language", "es").containsEntry("area", "Castle Street")
                .containsEntry("description", "Necesito comida para mis hijos"));
        assertThat(submitted(id).language()).isEqualTo("es");
    }

    @Test
    void unclearAnswersAreAskedOnceMoreThenOtherAndAnUnknownPlaceIsKeptForACoordinator() {
        String from = Texts.newNumber();
        text(from, "hi").body("outcome", equalTo("asked-what"));
        text(from, "my mum is on her own").body("outcome", equalTo("asked-what"));
        text(from, "not sure").body("outcome", equalTo("asked-where"));
        String id = text(from, "behind the old chapel").body("outcome", equalTo("submitted")).extract().path("requestId");
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("category", "other").containsEntry("area", null).containsEntry("lat", null)
                .containsEntry("description", "hi\nmy mum is on her own\nnot sure\nWhere: behind the old chapel"));
        assertThat(submitted(id).area()).isNull();
    }

    @Test
    void aRepeatedFirstTextNeverMakesASecondRequest() {
        String from = Texts.newNumber();
        text(from, "Can someone help with my prescription").body("outcome", equalTo("asked-where"));
        text(from, "Can someone help with my prescription").body("outcome", equalTo("asked-where"));
        String id = text(from, "NP22").body("outcome", equalTo("submitted")).extract().path("requestId");
        text(from, "Can someone help with my prescription").body("outcome", equalTo("submitted"))
                .body("requestId", equalTo(id));
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
        assertThat(TestRequests.outboxTypes(UUID.fromString(id))).containsExactly("RequestSubmitted");
    }

    @Test
    void textsWhileARequestIsOpenAreAddedToIt() {
        String from = Texts.newNumber();
        String id = text(from, "food please, Castle Street").body("outcome", equalTo("submitted")).extract().path("requestId");
        text(from, "Two adults, one baby").body("outcome", equalTo("appended")).body("requestId", equalTo(id))
                .body("trackingCode", matchesPattern("[A-Z2-9]{4}-[A-Z2-9]{4}")).body("language", equalTo("en"));
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("description", "food please, Castle Street\nTwo adults, one baby"));
        assertThat(TestRequests.outboxTypes(UUID.fromString(id))).containsExactly("RequestSubmitted", "RequestUpdated");
        TestRequests.published(UUID.fromString(id), RequestUpdated.class);
    }

    /** Matched and completed by volunteer events (no coordinator needed); returns the request id. */
    UUID fulfilled(String from) {
        UUID id = UUID.fromString(text(from, "a lift to the surgery please, from The Circle").body("outcome", equalTo("submitted"))
                .extract().path("requestId"));
        UUID assignment = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, volunteer, assignment, TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        TestRequests.publish(new AssignmentCompleted(assignment, id, volunteer, TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "fulfilled");
        return id;
    }

    @Test
    void yesToTheFollowUpReopensInAnyOfOurLanguages() {
        String from = Texts.newNumber();
        UUID id = fulfilled(from);
        text(from, "Oes").body("outcome", equalTo("reopened")).body("requestId", equalTo(id.toString()));
        assertThat(TestRequests.status(id)).isEqualTo("triaged");
        assertThat(TestRequests.outboxTypes(id)).endsWith("RequestFulfilled", "RequestReopened");
        assertThat(DB.value("SELECT actor FROM request_transitions WHERE request_id = ? ORDER BY id DESC LIMIT 1", id))
                .isEqualTo("requester");
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
    }

    @Test
    void thanksToTheFollowUpIsRecordedAndNothingReopens() {
        String from = Texts.newNumber();
        UUID id = fulfilled(from);
        text(from, "All good, thanks!").body("outcome", equalTo("closed")).body("requestId", equalTo(id.toString()));
        assertThat(TestRequests.status(id)).isEqualTo("closed");
        assertThat(DB.rows("SELECT actor, reason FROM request_transitions WHERE request_id = ? ORDER BY id DESC LIMIT 1", id))
                .singleElement().satisfies(t -> assertThat(t).containsEntry("actor", "requester")
                        .containsEntry("reason", "follow-up answer: help arrived"));
        text(from, "شكرا").body("outcome", equalTo("closed"));
        assertThat(TestRequests.outboxTypes(id)).endsWith("RequestFulfilled", "RequestClosed");
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
        assertThat(Texts.intakeOf(cipher, from)).containsEntry("step", "submitted");
    }

    @Test
    void anUnfinishedConversationIsSubmittedAsItIsAfterTheTimeout() throws Exception {
        String from = Texts.newNumber();
        text(from, "I am stuck at home with nothing").body("outcome", equalTo("asked-what"));
        Jobs.concurrently(3, job::runOnce);
        assertThat(Texts.requestsOf(cipher, from)).as("not before its time").isEmpty();

        Texts.ageIntake(cipher, from, "11 minutes");
        Jobs.concurrently(3, job::runOnce);
        Jobs.concurrently(3, job::runOnce);
        var rows = Texts.requestsOf(cipher, from);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r).containsEntry("category", "other")
                .containsEntry("area", null).containsEntry("description", "I am stuck at home with nothing"));
        UUID id = (UUID) rows.get(0).get("id");
        assertThat(submitted(id.toString()).channel()).isEqualTo(IntakeChannel.SMS);
        assertThat(Texts.intakeOf(cipher, from)).containsEntry("step", "submitted").containsEntry("request_id", id);
        text(from, "I am stuck at home with nothing").body("outcome", equalTo("submitted")).body("requestId", equalTo(id.toString()));
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
    }
}
