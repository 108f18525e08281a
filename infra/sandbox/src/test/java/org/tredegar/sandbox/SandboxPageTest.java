package org.tredegar.sandbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** The page, as a browser with JavaScript off sees it: plain HTML, a form that posts, labels, headings, tables. */
@QuarkusTest
@WithTestResource(PlatformStub.class)
class SandboxPageTest {
    @PlatformStub.Inject
    PlatformStub platform;
    @jakarta.inject.Inject
    org.tredegar.sandbox.mail.MailCatcher catcher;

    @Test
    void thePageIsPlainAccessibleHtmlWithTheForm() {
        String html = given().get("/").then().statusCode(200).contentType(ContentType.HTML).extract().asString();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">").contains("<h1>")
                .contains("<form method=\"post\" action=\"/send\"")
                .contains("<label for=\"from\">").contains("<label for=\"to\">").contains("<label for=\"body\">")
                .contains("id=\"from\" name=\"from\"").contains("<select id=\"to\" name=\"to\"")
                .contains("<textarea id=\"body\" name=\"body\"").contains("<button type=\"submit\">")
                .contains("<option value=\"+447700900100\"").contains("tredegar (+447700900100)")
                .contains("ebbw-vale (+447700900200)")
                .contains("<th scope=\"col\">")
                .doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://fonts");
        given().get("/sandbox.css").then().statusCode(200).contentType(matchesPattern("text/css.*"));
    }

    @Test
    void theFormTextsThePlatformAndRedirectsBackToThePageWhichShowsTheConversation() {
        String phone = "+447700900701";
        platform.reply("<Response><Message>Thanks, we got your text</Message></Response>");

        String location = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("from", phone).formParam("to", "+447700900200").formParam("body", "Can anyone walk my dog?")
                .post("/send")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/\\?sent=SM[0-9a-f]{32}#sent");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().queryParam("to", phone).get("/api/messages")
                .then().body("size()", equalTo(1)).body("[0].body", equalTo("Thanks, we got your text")));
        String page = given().get(location.replaceFirst("^https?://[^/]+", "").replace("#sent", ""))
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("role=\"status\"").contains("<h3 id=\"phone-447700900701\">+447700900701</h3>")
                .contains("Can anyone walk my dog?").contains("Thanks, we got your text")
                .contains("Phone to platform").contains("Platform to phone");
        // Newest first: the platform's answer above the text it answers.
        assertThat(page.indexOf("Thanks, we got your text")).isLessThan(page.indexOf("Can anyone walk my dog?"));
    }

    @Test
    void aFormWithMistakesComesBackWithTheErrorsAndWhatWasTyped() {
        String page = given().contentType(ContentType.URLENC)
                .formParam("from", "my phone").formParam("to", "+447700900100").formParam("body", "")
                .post("/send")
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains("There is a problem").contains("role=\"alert\"")
                .contains("<a href=\"#from\">").contains("<a href=\"#body\">")
                .contains("id=\"from-error\"").contains("aria-describedby=\"from-hint from-error\"")
                .contains("value=\"my phone\"").contains("<title>Error:");
        assertThat(given().queryParam("from", "my phone").get("/api/messages").then().extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void mailShowsUnderItsInboxOnThePage() throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(catcher.port()));
        jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(props));
        mail.setFrom("notifications@tredegar.invalid");
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "page.reader@example.org");
        mail.setSubject("Your request <TRD-1>");
        mail.setText("Received.");
        jakarta.mail.Transport.send(mail);

        String page = given().get("/").then().statusCode(200).extract().asString();

        assertThat(page).contains("<h2 id=\"inboxes-heading\">Inboxes</h2>")
                .contains("<h3 id=\"inbox-page-reader-example-org\">page.reader@example.org</h3>")
                .contains("Your request &lt;TRD-1&gt;");
    }
}
