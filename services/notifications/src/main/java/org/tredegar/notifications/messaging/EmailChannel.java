package org.tredegar.notifications.messaging;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Email over SMTP (quarkus-mailer). SMTP cannot be asked what it already took, so a message in doubt is sent again
 * with the same Message-ID, which mail clients use to show a repeat once.
 */
@ApplicationScoped
public class EmailChannel implements Channel {
    @Inject
    ReactiveMailer mailer;

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Uni<String> send(OutgoingMessage message) {
        String messageId = "<" + message.notificationId() + "@notifications.tredegar>";
        Mail mail = Mail.withText(message.to(), message.message().subject(), message.message().text())
                .setHtml(message.message().html())
                .addHeader("Message-ID", messageId)
                .addHeader("Content-Language", message.message().language());
        return mailer.send(mail)
                .onFailure().transform(e -> new ProviderException("SMTP send failed: " + e.getClass().getSimpleName(), e))
                .replaceWith(messageId);
    }

    @Override
    public Uni<Optional<String>> alreadySent(OutgoingMessage message, Instant since) {
        return Uni.createFrom().item(Optional.empty());
    }
}
