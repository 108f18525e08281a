package org.tredegar.notifications.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.notifications.domain.DueDelivery;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.Subscription;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.notifications.domain.UrlGuard;
import org.tredegar.notifications.domain.WebhookOutcomes;
import org.tredegar.notifications.persistence.Subscriptions;
import org.tredegar.notifications.persistence.WebhookDeliveries;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends due webhook deliveries, signed (Standard Webhooks), one recorded attempt each; {@link WebhookOutcomes}
 * decides what each attempt comes to (retry, give up, pause the subscription). Attempts are stored rows picked up by
 * this scheduled job: nothing waits in memory.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    Vertx vertx;
    @Inject
    ContactCipher cipher;
    @Inject
    UrlGuard urls;
    @Inject
    RateLimits rateLimits;
    @Inject
    TimeSource clock;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    Subscriptions subscriptions;
    @Inject
    WebhookOutcomes outcomes;

    @ConfigProperty(name = "tredegar.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "tredegar.webhooks.batch-size", defaultValue = "50")
    int batchSize;
    @ConfigProperty(name = "tredegar.dispatch.enabled", defaultValue = "true")
    boolean enabled;

    private WebClient client;

    @PostConstruct
    void init() {
        // No redirects: a partner's 30x must not lead a signed delivery somewhere the URL check never saw.
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis()).setUserAgent("Tredegar-Webhooks/1"));
    }

    @Scheduled(every = "${tredegar.webhooks.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return deliverDue().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("webhook round failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> deliverDue() {
        Instant now = clock.now();
        // Claimed past the request timeout: another instance skips them meanwhile.
        Uni<List<DueDelivery>> claimed = Panache.withTransaction(() ->
                deliveries.claimDue(now, now.plus(timeout.multipliedBy(3)), batchSize));
        return claimed.chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<UUID> subscriptionIds = due.stream().map(DueDelivery::subscriptionId).distinct().toList();
            return Panache.withSession(() -> subscriptions.byIds(subscriptionIds))
                    .chain(byId -> Multi.createFrom().iterable(due)
                            .onItem().transformToUni(d -> OwnContext.<Void>run(() -> deliver(d, byId.get(d.subscriptionId())))
                                    .onFailure().invoke(e -> LOG.errorf("webhook delivery %s: %s", d.id(), e.toString()))
                                    .onFailure().recoverWithNull()).merge(8)
                            .collect().asList().replaceWith(due.size()));
        });
    }

    private Uni<Void> deliver(DueDelivery due, Subscription subscription) {
        if (subscription == null || subscription.deleted()) {
            return Uni.createFrom().voidItem(); // deleted after this delivery was claimed: its pending rows are cancelled
        }
        Duration wait = rateLimits.take("webhook");
        if (!wait.isZero()) {
            return outcomes.rateLimited(due, wait);
        }
        Instant started = clock.now();
        Optional<String> refused = urls.refusal(subscription.url());
        if (refused.isPresent()) {
            return outcomes.attempted(due, subscription, started, null, "the URL " + refused.get());
        }
        String secret;
        try {
            secret = cipher.open(subscription.secret(), Subscription.secretScope(subscription.id()));
        } catch (RuntimeException e) {
            // A recorded failed attempt (retried, then paused), not a failed round that holds up every partner.
            return outcomes.attempted(due, subscription, started, null, "the subscription's secret could not be opened ("
                    + e.getClass().getSimpleName() + ")");
        }
        // Wall-clock time on purpose: receivers compare the signed timestamp with their own clock.
        long timestamp = Instant.now().getEpochSecond();
        String messageId = due.id().toString();
        return OwnContext.back(client.postAbs(subscription.url())
                        .putHeader("Content-Type", "application/cloudevents+json; charset=utf-8")
                        .putHeader("webhook-id", messageId)
                        .putHeader("webhook-timestamp", Long.toString(timestamp))
                        .putHeader("webhook-signature", WebhookSigner.sign(secret, messageId, timestamp, due.payload()))
                        .timeout(timeout.toMillis())
                        .sendBuffer(Buffer.buffer(due.payload())))
                .onItemOrFailure().transformToUni((response, failure) -> failure != null
                        ? outcomes.attempted(due, subscription, started, null, failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))
                        : outcomes.attempted(due, subscription, started, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()));
    }
}
