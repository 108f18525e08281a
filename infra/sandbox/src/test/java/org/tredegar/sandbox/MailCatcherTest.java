package org.tredegar.sandbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.tredegar.sandbox.mail.MailCatcher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The mail catcher is a real SMTP server: mail sent with an ordinary client shows in /api/mail. */
@QuarkusTest
@WithTestResource(PlatformStub.class)
class MailCatcherTest {
    @Inject
    MailCatcher catcher;

    @Test
    void aMailSentOverSmtpIsListedForItsRecipient() throws Exception {
        Instant before = Instant.now();
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress("notifications@tredegar.invalid", "Tredegar"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("asha@example.org"));
        mail.setSubject("A neighbour is on the way", "UTF-8");
        mail.setText("Sam will bring your shopping this afternoon.\nTracking code: TRD-4821", "UTF-8");
        Transport.send(mail);

        List<Map<String, Object>> inbox = given().queryParam("to", "Asha@Example.org").queryParam("since", before.toString())
                .get("/api/mail").then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(inbox).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("from", "notifications@tredegar.invalid")
                    .containsEntry("to", "asha@example.org")
                    .containsEntry("subject", "A neighbour is on the way")
                    .containsEntry("text", "Sam will bring your shopping this afternoon.\nTracking code: TRD-4821");
            assertThat((String) m.get("id")).isNotBlank();
            assertThat(Instant.parse((String) m.get("at"))).isAfterOrEqualTo(before);
        });
    }

    @Test
    void everyRecipientGetsItsCopyAndHtmlOnlyMailIsReadable() throws Exception {
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress("notifications@tredegar.invalid"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("coordinator@example.org"));
        mail.setRecipient(Message.RecipientType.BCC, new InternetAddress("audit@example.org"));
        mail.setSubject("Weekly summary");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<h1>This week</h1><p>12 requests &amp; 11 matched</p>", "text/html; charset=UTF-8");
        mail.setContent(new MimeMultipart("alternative", html));
        Transport.send(mail);

        assertThat(given().queryParam("to", "coordinator@example.org").get("/api/mail")
                .then().statusCode(200).extract().jsonPath().getList("text")).containsExactly("This week\n12 requests & 11 matched");
        assertThat(given().queryParam("to", "audit@example.org").get("/api/mail")
                .then().extract().jsonPath().getList("subject")).containsExactly("Weekly summary");
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(catcher.port()));
        return Session.getInstance(props);
    }
}
