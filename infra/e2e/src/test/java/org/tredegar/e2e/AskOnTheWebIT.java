package org.tredegar.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.Db;
import org.tredegar.testing.WholePlatform;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tredegar.e2e.RequestToNotificationFlowIT.count;

/**
 * The people's site as a browser with JavaScript off meets it, on the real platform: the ask form posted as a plain
 * HTML form, answered 303 to the tracking page; problems shown at their fields in the person's language, keeping
 * what they typed; the same form sent twice makes one request; a forged post makes none; the tracking page follows
 * the request and can cancel it; an unknown code gets the not-found page.
 */
class AskOnTheWebIT {
    static final Db REQUESTS = Db.of("requests");
    private static final Pattern HIDDEN = Pattern.compile("name=\"(formKey|formToken)\" value=\"([^\"]+)\"");
    final WholePlatform platform = WholePlatform.get();

    @Test
    void aPersonAsksWithoutJavaScriptFixesAMistakeInWelshAndFollowsTheirRequest() {
        Form form = openForm("/ask?lang=cy");
        assertThat(form.html).contains("<html lang=\"cy\" dir=\"ltr\"", "name=\"category\"", "value=\"groceries\"");

        // Nothing chosen, a place typed, some words that look like markup: each problem at its field, in Welsh.
        Response refused = post(form, Map.of("lang", "cy", "where", "NP22 3AA", "description", "<b>bara</b> a llaeth"));
        assertThat(refused.statusCode()).isEqualTo(400);
        String page = refused.asString();
        assertThat(page).contains("<html lang=\"cy\"", "id=\"category-error\"", "id=\"urgency-error\"",
                "value=\"NP22 3AA\"", "&lt;b&gt;bara&lt;/b&gt; a llaeth").doesNotContain("<b>bara</b>", "Choose what you need");

        String description = "Bara a llaeth, os gwelwch yn dda " + System.nanoTime();
        Form again = formIn(page, form.cookie);
        Map<String, String> answers = Map.of("lang", "cy", "category", "groceries", "urgency", "urgent",
                "description", description, "where", "NP22 3AA", "contact", "none", "language", "cy");
        Response sent = post(again, answers);
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.header("Location");
        assertThat(location).contains("/track/").contains("lang=cy").contains("new=1");
        String code = location.replaceAll(".*/track/([^?]+).*", "$1");

        // The same form sent again (a second press, or back and resend) leads to the same request, not a new one.
        Response resent = post(again, answers);
        assertThat(resent.statusCode()).isEqualTo(303);
        assertThat(resent.header("Location")).contains("/track/" + code);
        assertThat(count(REQUESTS, "SELECT count(*) FROM help_requests WHERE description = ?", description))
                .isEqualTo(1);

        String tracking = given().cookie("tredegar-form", form.cookie).redirects().follow(false)
                .get(platform.url("dashboard") + "/track/" + code + "?lang=cy&new=1").then().statusCode(200).extract().asString();
        assertThat(tracking).contains("<html lang=\"cy\"", code, "id=\"status\"").doesNotContain(description);

        // "I don't need it any more": the request is cancelled and the page says so.
        Form onTrack = formIn(tracking, form.cookie);
        Response cancelled = given().cookie("tredegar-form", form.cookie).redirects().follow(false)
                .formParams(Map.of("formKey", onTrack.key, "formToken", onTrack.token, "lang", "cy"))
                .post(platform.url("dashboard") + "/track/" + code + "/cancel");
        assertThat(cancelled.statusCode()).isEqualTo(303);
        given().get(platform.url("requests") + "/api/v1/requests/track/" + code).then().statusCode(200);
        assertThat(given().get(platform.url("requests") + "/api/v1/requests/track/" + code).jsonPath().getString("status"))
                .isEqualTo("cancelled");
    }

    @Test
    void aForgedPostMakesNoRequestAndAnUnknownCodeIsNotFound() {
        String description = "Forged " + System.nanoTime();
        Response forged = given().redirects().follow(false).formParams(Map.of("formKey", java.util.UUID.randomUUID().toString(),
                        "formToken", "made-up", "category", "groceries", "urgency", "urgent", "description", description,
                        "where", "NP22", "contact", "none", "language", "en"))
                .post(platform.url("dashboard") + "/ask");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("was not sent from our page");
        assertThat(count(REQUESTS, "SELECT count(*) FROM help_requests WHERE description = ?", description))
                .isZero();

        // A guess and a typo get the same page.
        String guessed = given().get(platform.url("dashboard") + "/track/ZZZZ-ZZZZ").then().statusCode(404).extract().asString();
        assertThat(guessed).contains("We cannot find that request", "name=\"code\"");
    }

    @Test
    void lifeSafetyShowsTheEmergencyNumberFirstAndStillRecordsTheRequest() {
        Form form = openForm("/ask");
        assertThat(form.html.indexOf("Call 999")).isLessThan(form.html.indexOf("name=\"category\""));
        Response sent = post(form, Map.of("lang", "en", "category", "evacuation", "urgency", "life-safety",
                "description", "Water coming into the house", "where", "NP22", "contact", "sms", "phone", "+447700900555",
                "language", "en"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).contains("danger=1");
        String tracking = given().get(platform.url("dashboard") + sent.header("Location").replaceAll("^https?://[^/]+", ""))
                .then().statusCode(200).extract().asString();
        assertThat(tracking).contains("Call 999").doesNotContain("+447700900555");
    }

    private Form openForm(String path) {
        Response response = given().get(platform.url("dashboard") + path);
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.getCookie("tredegar-form");
        assertThat(cookie).as("the form's browser cookie").isNotBlank();
        return formIn(response.asString(), cookie);
    }

    private Form formIn(String html, String cookie) {
        Matcher m = HIDDEN.matcher(html);
        String key = null, token = null;
        while (m.find()) {
            if (m.group(1).equals("formKey")) {
                key = m.group(2);
            } else {
                token = m.group(2);
            }
        }
        assertThat(key).as("the form key in the page").isNotNull();
        return new Form(html, cookie, key, token);
    }

    private Response post(Form form, Map<String, String> fields) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("formKey", form.key);
        all.put("formToken", form.token);
        return given().cookie("tredegar-form", form.cookie).redirects().follow(false).formParams(all)
                .post(platform.url("dashboard") + "/ask");
    }

    private record Form(String html, String cookie, String key, String token) {
    }
}
