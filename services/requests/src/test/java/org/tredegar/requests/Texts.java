package org.tredegar.requests;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.tredegar.platform.privacy.ContactCipher;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.tredegar.requests.TestRequests.DB;

/** Texting a hub as the notifications service hands texts on (the test's security must give role service). */
final class Texts {
    static final String PATH = "/api/v1/sms-conversations/messages";
    static final String TREDEGAR = "+447700900100";
    static final String EBBW_VALE = "+447700900200";

    private Texts() {
    }

    /** A phone number no other test uses (E.164). */
    static String newNumber() {
        return "+44770" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static String messageId() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    static ValidatableResponse send(String messageId, String from, String to, String body) {
        Map<String, Object> json = new java.util.HashMap<>();
        json.put("messageId", messageId);
        json.put("from", from);
        json.put("to", to);
        json.put("body", body);
        return given().contentType(ContentType.JSON).body(json).when().post(PATH).then();
    }

    /** A new text to the Tredegar hub; answers 200. */
    static ValidatableResponse text(String from, String body) {
        return send(messageId(), from, TREDEGAR, body).statusCode(200);
    }

    static List<Map<String, Object>> requestsOf(ContactCipher cipher, String from) {
        return DB.rows("SELECT id, hub_id, category, urgency, status, language, channel, description, lat, lon, area "
                + "FROM help_requests WHERE contact_hash = ? ORDER BY submitted_at", cipher.lookupHash("sms", from));
    }

    static Map<String, Object> intakeOf(ContactCipher cipher, String from) {
        var rows = DB.rows("SELECT * FROM sms_intakes WHERE contact_hash = ?", cipher.lookupHash("sms", from));
        return rows.isEmpty() ? null : rows.get(0);
    }

    static void ageIntake(ContactCipher cipher, String from, String interval) {
        DB.update("UPDATE sms_intakes SET updated_at = now() - CAST(? AS interval), submitted_at = submitted_at - CAST(? AS interval) "
                + "WHERE contact_hash = ?", interval, interval, cipher.lookupHash("sms", from));
    }
}
