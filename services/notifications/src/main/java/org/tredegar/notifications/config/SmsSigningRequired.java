package org.tredegar.notifications.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * This service takes every text to the hubs' numbers. Outside development and tests it refuses to start without the
 * provider's signing secret: unsigned, anyone who finds the webhook could answer offers or stop people's texts.
 */
@ApplicationScoped
public class SmsSigningRequired {
    @ConfigProperty(name = "tredegar.sms.auth-token")
    Optional<String> authToken;

    void check(@Observes StartupEvent ignored) {
        if (LaunchMode.current() == LaunchMode.NORMAL && authToken.filter(t -> !t.isBlank()).isEmpty()) {
            throw new IllegalStateException("tredegar.sms.auth-token (TREDEGAR_SMS_AUTH_TOKEN) is not set: inbound texts"
                    + " and delivery receipts must be signed by the SMS provider; see docs/runbooks/sms-and-email-providers.md");
        }
    }
}
