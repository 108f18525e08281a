package org.tredegar.notifications.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to a claimed message that does not go out this time: an offer or code that expired is skipped, quiet
 * hours hold it, a failed attempt is retried with backoff until {@code max-attempts} (or at once given up for a
 * permanent refusal), and a failed lookup (an outage of ours, no attempt at the person) is waited out for
 * {@code lookup-outage.give-up-after}. A one-time code is never tried again after it expires: nobody could use it.
 */
@ApplicationScoped
public class DeliveryDecisions {
    @Inject
    QuietHours quietHours;

    @ConfigProperty(name = "tredegar.dispatch.max-attempts", defaultValue = "5")
    int maxAttempts;
    @ConfigProperty(name = "tredegar.dispatch.initial-backoff", defaultValue = "PT10S")
    Duration initialBackoff;
    @ConfigProperty(name = "tredegar.dispatch.max-backoff", defaultValue = "PT30M")
    Duration maxBackoff;
    /**
     * How long a message waits out an outage of what it needs before a provider is even tried: the contact or code
     * lookup in the owning service, and Keycloak's token for that call. Such failures are not attempts at the person.
     */
    @ConfigProperty(name = "tredegar.dispatch.lookup-outage.give-up-after", defaultValue = "PT6H")
    Duration lookupGiveUpAfter;

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(initialBackoff, maxBackoff);
    }

    /** Before anything is looked up or sent: skipped if it can no longer be of use, held in quiet hours. */
    public Optional<Decision> beforeSending(Claimed n, Instant now) {
        Optional<Instant> expiresAt = n.expiresAt();
        if (n.kind() == MessageKind.OFFER && expiresAt.isPresent() && expiresAt.get().isBefore(now)) {
            return Optional.of(new Decision.Skip("the offer expired before it could be sent"));
        }
        if (n.kind() == MessageKind.ONE_TIME_CODE && expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            return Optional.of(codeExpired());
        }
        return quietHours.holdUntil(n.hubId(), n.urgent(), now).map(Decision.Hold::new);
    }

    public Decision.Skip codeExpired() {
        return new Decision.Skip("the code expired before it could be sent");
    }

    /** No address took the message ({@code channels}: what was tried). */
    public Decision afterSendFailure(Claimed n, SendFailure failure, String channels, Instant now) {
        Instant next = now.plus(backoff.after(n.attempts()));
        boolean codeExpiresFirst = n.kind() == MessageKind.ONE_TIME_CODE
                && n.expiresAt().map(expires -> !expires.isAfter(next)).orElse(false);
        if (failure.retriable() && n.attempts() < maxAttempts && !codeExpiresFirst) {
            return new Decision.Retry(next, failure.message());
        }
        return giveUp(failure, channels, codeExpiresFirst);
    }

    /**
     * The contact or code could not be looked up: our own services or Keycloak are down, which is no attempt at the
     * person. The message waits it out, with a growing pause, for {@code lookup-outage.give-up-after} from its first
     * failed lookup in a row (or until its offer or code expires), however many lookups that takes. Counted from that
     * failure, not from when the message was planned: one held overnight by quiet hours is hours old when it is first
     * sent.
     */
    public Decision afterLookupFailure(Claimed n, SendFailure failure, Instant now) {
        Duration waited = n.lookupFailingSince() == null ? Duration.ZERO : Duration.between(n.lookupFailingSince(), now);
        Instant next = now.plus(backoff.growingWith(waited));
        boolean expiresFirst = n.expiresAt().map(expires -> !expires.isAfter(next)).orElse(false);
        if (waited.compareTo(lookupGiveUpAfter) < 0 && !expiresFirst) {
            return new Decision.AwaitLookup(next, failure.message());
        }
        return giveUp(SendFailure.retriable(failure.message() + ", for " + waited.toSeconds() + " s"), "none",
                expiresFirst && n.kind() == MessageKind.ONE_TIME_CODE);
    }

    private static Decision.GiveUp giveUp(SendFailure failure, String channels, boolean codeExpiresFirst) {
        return new Decision.GiveUp(channels, failure.reason()
                + (codeExpiresFirst && failure.retriable() ? "; the code expires before another attempt" : ""));
    }

    /**
     * The values a one-time code's text needs, with the code itself (held in memory for this send only). The minutes
     * are counted from when the intent was recorded, so a resend after a crash reads the same (in-doubt check).
     */
    public static Map<String, Object> codeParams(Claimed n, String code, String purpose, Instant expires) {
        Map<String, Object> params = new HashMap<>(n.params());
        params.put("code", code);
        if (purpose != null) {
            params.put("purpose", purpose);
        }
        params.put("minutes", expires == null ? 0 : Math.max(1, (Duration.between(n.createdAt(), expires).getSeconds() + 59) / 60));
        return params;
    }
}
