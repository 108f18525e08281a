package org.tredegar.sandbox.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;
import org.tredegar.sandbox.config.SandboxConfig;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The mail catcher: a real SMTP server (GreenMail) started with the app on {@code sandbox.smtp.port}. It takes
 * every mail from anyone, with or without a login, and keeps one copy per envelope recipient in the
 * {@link MailStore}; nothing is relayed onwards.
 */
@ApplicationScoped
public class MailCatcher {
    private static final Logger LOG = Logger.getLogger(MailCatcher.class);

    @Inject
    SandboxConfig config;
    @Inject
    MailStore store;

    private GreenMail greenMail;

    void start(@Observes StartupEvent started) {
        ServerSetup smtp = new ServerSetup(config.smtp().port(), config.smtp().host(), ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.getUserManager().setMessageDeliveryHandler(this::keep);
        greenMail.start();
        LOG.infof("mail catcher listening for SMTP on %s:%d", config.smtp().host(), greenMail.getSmtp().getPort());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public boolean running() {
        return greenMail != null && greenMail.isRunning();
    }

    /** The port actually listened on (the configured one; tests may ask for any free port). */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    private GreenMailUser keep(MovingMessage moving, MailAddress recipient) throws MessagingException {
        MimeMessage message = moving.getMessage();
        String text;
        try {
            text = MimeText.of(message);
        } catch (IOException e) {
            text = "";
            LOG.warnf("the text of a mail to %s could not be read: %s", recipient.getEmail(), e.toString());
        }
        store.add(new CaughtMail(UUID.randomUUID().toString(), sender(message, moving), recipient.getEmail(),
                message.getSubject() == null ? "" : message.getSubject(), text, Instant.now()));
        return new NoMailbox(recipient.getEmail());
    }

    /** The From header's address (without the display name), else the envelope sender. */
    private static String sender(MimeMessage message, MovingMessage moving) throws MessagingException {
        Address[] from = message.getFrom();
        if (from != null && from.length > 0) {
            return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
        }
        return moving.getReturnPath() == null ? "" : moving.getReturnPath().getEmail();
    }
}
