package org.tredegar.sandbox.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.sandbox.config.SandboxConfig;
import org.tredegar.sandbox.provider.DeliveryWorkers;
import org.tredegar.sandbox.provider.TwilioJson;
import org.tredegar.sandbox.provider.Webhooks;
import org.tredegar.sandbox.store.MessageSids;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A phone texts a hub number: the text is kept as "received", then delivered to the platform's inbound webhook as
 * the provider delivers it (signed form). A TwiML answer is sent back to the phone, as the provider does, and kept
 * as an outgoing text. The outcome lands in the text's status; a failing webhook never fails the sandbox.
 */
@ApplicationScoped
public class InboundTexts {
    private static final Logger LOG = Logger.getLogger(InboundTexts.class);

    @Inject
    SandboxConfig config;
    @Inject
    TextStore store;
    @Inject
    DeliveryWorkers workers;
    @Inject
    Webhooks webhooks;

    /** Call with a text that passed {@link TextProblem#of}; answers at once, the webhook is called after. */
    public Text receive(String from, String to, String body) {
        Text text = Text.incoming(MessageSids.next(), from, to, body, Instant.now());
        store.add(text);
        workers.after(Duration.ZERO, () -> deliver(text));
        return text;
    }

    /** The number's own webhook ({@code sandbox.numbers."<E.164>".inbound-url}), else the one for all numbers. */
    public Optional<String> inboundUrlFor(String number) {
        return Optional.ofNullable(config.numbers().get(number))
                .flatMap(SandboxConfig.NumberSettings::inboundUrl)
                .or(config::inboundUrl)
                .filter(url -> !url.isBlank());
    }

    void deliver(Text text) {
        Optional<String> url = inboundUrlFor(text.to());
        if (url.isEmpty()) {
            status(text, "failed: no inbound URL configured (sandbox.inbound-url)");
            return;
        }
        Webhooks.Outcome outcome = webhooks.post(url.get(), webhookForm(text));
        if (!outcome.succeeded()) {
            LOG.warnf("inbound webhook %s for %s %s", url.get(), text.id(), outcome.failure());
            status(text, outcome.failure());
            return;
        }
        Optional<List<TwimlReplies.Reply>> replies = TwimlReplies.parse(outcome.body());
        if (replies.isEmpty()) {
            status(text, "delivered; the answer is not TwiML (provider error 12100), nothing sent back");
            return;
        }
        for (TwimlReplies.Reply reply : replies.get()) {
            if (!reply.body().isEmpty()) {
                store.add(Text.reply(MessageSids.next(), reply.from() != null ? reply.from() : text.to(),
                        reply.to() != null ? reply.to() : text.from(), reply.body(), Instant.now()));
            }
        }
        status(text, "delivered");
    }

    /** The provider's incoming-message webhook form. */
    Map<String, String> webhookForm(Text text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", config.accountSid());
        form.put("ApiVersion", TwilioJson.API_VERSION);
        form.put("Body", text.body());
        form.put("From", text.from());
        form.put("MessageSid", text.id());
        form.put("NumMedia", "0");
        form.put("NumSegments", "1");
        form.put("SmsMessageSid", text.id());
        form.put("SmsSid", text.id());
        form.put("SmsStatus", "received");
        form.put("To", text.to());
        return form;
    }

    private void status(Text text, String status) {
        store.update(text.id(), t -> t.withStatus(status, Instant.now()));
    }
}
