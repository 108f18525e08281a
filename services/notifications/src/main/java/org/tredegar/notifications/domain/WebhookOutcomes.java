package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.notifications.persistence.Subscriptions;
import org.tredegar.notifications.persistence.WebhookAttempts;
import org.tredegar.notifications.persistence.WebhookDeliveries;

import java.time.Duration;
import java.time.Instant;

/**
 * What one webhook attempt comes to, recorded in one transaction: the attempt row; the delivery delivered, retried
 * with exponential backoff and full jitter, or given up once its give-up time has passed; and the subscription's run
 * of failures, which pauses it after {@code tredegar.webhooks.pause-after} in a row (its status says why).
 */
@ApplicationScoped
public class WebhookOutcomes {
    private static final Logger LOG = Logger.getLogger(WebhookOutcomes.class);

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookAttempts attempts;
    @Inject
    Subscriptions subscriptions;
    @Inject
    TimeSource clock;

    @ConfigProperty(name = "tredegar.webhooks.initial-backoff", defaultValue = "PT10S")
    Duration initialBackoff;
    @ConfigProperty(name = "tredegar.webhooks.max-backoff", defaultValue = "PT1H")
    Duration maxBackoff;
    @ConfigProperty(name = "tredegar.webhooks.pause-after", defaultValue = "10")
    int pauseAfter;

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(initialBackoff, maxBackoff);
    }

    /** Not sent: the token bucket for webhooks was empty. Due again when a token is, and not an attempt. */
    public Uni<Void> rateLimited(DueDelivery due, Duration wait) {
        return Panache.withTransaction(() -> deliveries.requeue(due.id(), clock.now().plus(wait)));
    }

    /**
     * An attempt that began at {@code started}: {@code statusCode} is the receiver's answer (none if it never
     * answered), {@code error} why it did not count as delivered (none for a 2xx).
     */
    public Uni<Void> attempted(DueDelivery due, Subscription subscription, Instant started, Integer statusCode, String error) {
        Instant now = clock.now();
        boolean delivered = error == null;
        boolean giveUp = !delivered && !now.isBefore(due.giveUpAt());
        Instant next = delivered || giveUp ? null : now.plus(backoff.after(due.attempt()));
        AttemptOutcome outcome = delivered ? AttemptOutcome.DELIVERED : giveUp ? AttemptOutcome.GAVE_UP : AttemptOutcome.RETRYING;
        WebhookDeliveryStatus status = delivered ? WebhookDeliveryStatus.DELIVERED
                : giveUp ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING;
        WebhookAttempt attempt = new WebhookAttempt(0, due.id(), null, null, due.attempt(), started, statusCode, outcome,
                error, Duration.between(started, now).toMillis(), next);
        return Panache.withTransaction(() -> attempts.insert(subscription.id(), attempt)
                        .chain(() -> deliveries.settle(due.id(), status, next))
                        .chain(() -> delivered
                                ? subscriptions.deliverySucceeded(subscription.id(), now)
                                : subscriptions.deliveryFailed(subscription.id(), now, pauseAfter, "paused after " + pauseAfter
                                + " failed delivery attempts in a row (last: " + error + ", " + now
                                + "); fix the receiver, then POST /api/v1/subscriptions/" + subscription.id() + "/resume")))
                .invoke(() -> {
                    if (!delivered) {
                        LOG.infof("webhook delivery %s attempt %d to subscription %s: %s (%s)", due.id(), due.attempt(),
                                subscription.id(), outcome.slug(), error);
                    }
                });
    }
}
