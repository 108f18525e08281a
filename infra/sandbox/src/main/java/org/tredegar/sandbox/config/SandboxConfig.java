package org.tredegar.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the sandbox is told: the provider account the platform sends with, where incoming texts go, the hub
 * numbers, the mail port and which numbers fail. Environment variables follow the usual mapping
 * ({@code SANDBOX_AUTH_TOKEN} for {@code sandbox.auth-token}).
 */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {
    /** Must equal the platform's {@code tredegar.sms.account-sid}: it is the user name of the API's basic auth. */
    String accountSid();

    /**
     * Must equal the platform's {@code tredegar.sms.auth-token}: the API password, and the key that signs every
     * webhook (X-Twilio-Signature), exactly as the real provider's account secret does both.
     */
    String authToken();

    /** The platform's one inbound-text webhook, for every number without its own. */
    Optional<String> inboundUrl();

    /** Per-number settings, {@code sandbox.numbers."+447700900100".inbound-url}. */
    Map<String, NumberSettings> numbers();

    /** Hub name to hub number (the demo hubs of CONVENTIONS), shown on the page and offered in its form. */
    Map<String, String> hubs();

    Smtp smtp();

    Failures fail();

    /** How many texts (and, separately, mails) are kept; the oldest go first. */
    @WithDefault("10000")
    int capacity();

    /** The pause before each delivery step (queued to sent, sent to delivered), so receipts arrive as they would. */
    @WithDefault("PT0.2S")
    Duration deliveryDelay();

    /** Connect and answer timeout for each webhook call to the platform. */
    @WithDefault("PT10S")
    Duration webhookTimeout();

    /** Threads that deliver receipts and incoming texts; webhook calls block one each while they run. */
    @WithDefault("8")
    int deliveryThreads();

    interface NumberSettings {
        Optional<String> inboundUrl();
    }

    interface Smtp {
        @WithDefault("1025")
        int port();

        @WithDefault("0.0.0.0")
        String host();
    }

    /** Numbers that fail, so the platform's failure paths can be walked by hand. Default: none. */
    interface Failures {
        /** Accepted (201 queued), then the receipts say sent and undelivered (ErrorCode 30003, handset unreachable). */
        @WithName("undelivered")
        Optional<Set<String>> undelivered();

        /** Refused at once: 400 with Twilio error 21610 (the recipient has unsubscribed, texted STOP). */
        @WithName("refused")
        Optional<Set<String>> refused();
    }
}
