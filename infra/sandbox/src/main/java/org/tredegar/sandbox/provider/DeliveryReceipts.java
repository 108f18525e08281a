package org.tredegar.sandbox.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.sandbox.config.SandboxConfig;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to a text after the Messages API accepted it: queued, then sent, then delivered (or undelivered, for
 * a number in {@code sandbox.fail.undelivered}), each step posted to the message's StatusCallback as the provider
 * posts it. The steps run one after the other on one worker, so "sent" is answered before "delivered" is posted.
 */
@ApplicationScoped
public class DeliveryReceipts {
    private static final Logger LOG = Logger.getLogger(DeliveryReceipts.class);
    /** The provider's "unreachable destination handset". */
    static final int UNREACHABLE_HANDSET = 30003;

    @Inject
    SandboxConfig config;
    @Inject
    TextStore store;
    @Inject
    DeliveryWorkers workers;
    @Inject
    Webhooks webhooks;

    public void deliver(Text queued, Optional<String> statusCallback) {
        workers.after(config.deliveryDelay(), () -> {
            store.update(queued.id(), text -> text.sent(Instant.now()))
                    .ifPresent(sent -> report(sent, statusCallback));
            workers.after(config.deliveryDelay(), () -> finish(queued, statusCallback));
        });
    }

    private void finish(Text queued, Optional<String> statusCallback) {
        boolean unreachable = config.fail().undelivered().orElse(Set.of()).contains(queued.to());
        Instant now = Instant.now();
        store.update(queued.id(), text -> unreachable ? text.failed("undelivered", UNREACHABLE_HANDSET, now)
                        : text.withStatus("delivered", now))
                .ifPresent(done -> report(done, statusCallback));
    }

    private void report(Text text, Optional<String> statusCallback) {
        if (statusCallback.isEmpty()) {
            return;
        }
        Webhooks.Outcome outcome = webhooks.post(statusCallback.get(), receipt(text));
        if (!outcome.succeeded()) {
            // The provider does not retry a status callback either; the platform must cope with a missing receipt.
            LOG.warnf("status callback %s for %s (%s) %s", statusCallback.get(), text.id(), text.status(), outcome.failure());
        }
    }

    /** The provider's status callback form. */
    Map<String, String> receipt(Text text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", config.accountSid());
        form.put("ApiVersion", TwilioJson.API_VERSION);
        form.put("From", text.from());
        form.put("MessageSid", text.id());
        form.put("MessageStatus", text.status());
        form.put("SmsSid", text.id());
        form.put("SmsStatus", text.status());
        form.put("To", text.to());
        if (text.errorCode() != null) {
            form.put("ErrorCode", String.valueOf(text.errorCode()));
        }
        return form;
    }
}
