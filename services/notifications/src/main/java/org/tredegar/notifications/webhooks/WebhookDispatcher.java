package org.tredegar.notifications.webhooks;

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
import org.tredegar.notifications.channels.RateLimits;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due webhook deliveries, signed (Standard Webhooks), one recorded attempt each. Failures are retried with
 * exponential backoff and full jitter until the delivery's give-up time; a subscription that failed
 * {@code tredegar.webhooks.pause-after} deliveries in a row is paused and says why in its status.
 * Attempts are stored rows picked up by this scheduled job: nothing waits in memory.
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

    @ConfigProperty(name = "tredegar.webhooks.initial-backoff", defaultValue = "PT10S")
    Duration initialBackoff;
    @ConfigProperty(name = "tredegar.webhooks.max-backoff", defaultValue = "PT1H")
    Duration maxBackoff;
    @ConfigProperty(name = "tredegar.webhooks.pause-after", defaultValue = "10")
    int pauseAfter;
    @ConfigProperty(name = "tredegar.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "tredegar.webhooks.batch-size", defaultValue = "50")
    int batchSize;
    @ConfigProperty(name = "tredegar.dispatch.enabled", defaultValue = "true")
    boolean enabled;

    private WebClient client;

    record Due(UUID id, UUID subscriptionId, String payload, int attempt, Instant giveUpAt) {
    }

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
        // Claimed by moving next_attempt_at past the request timeout: another instance skips them meanwhile.
        Uni<List<Due>> claimed = Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?1 WHERE id IN ("
                                + "SELECT d.id FROM webhook_deliveries d JOIN subscriptions s ON s.id = d.subscription_id "
                                + "WHERE d.status = 'pending' AND d.next_attempt_at <= ?2 AND s.status = 'active' "
                                + "ORDER BY d.next_attempt_at LIMIT ?3 FOR UPDATE OF d SKIP LOCKED) "
                                + "RETURNING id, subscription_id, payload, attempts, give_up_at", Object[].class)
                .setParameter(1, utc(now.plus(timeout.multipliedBy(3)))).setParameter(2, utc(now)).setParameter(3, batchSize)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Due((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(),
                        instant(r[4]))).toList()));
        return claimed.chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<UUID> subscriptionIds = due.stream().map(Due::subscriptionId).distinct().toList();
            return Panache.withSession(() -> SubscriptionEntity.<SubscriptionEntity>list("id in ?1", subscriptionIds))
                    .map(list -> list.stream().collect(Collectors.toMap(s -> s.id, Function.identity())))
                    .chain(subscriptions -> Multi.createFrom().iterable(due)
                            .onItem().transformToUni(d -> OwnContext.<Void>run(() -> deliver(d, subscriptions.get(d.subscriptionId())))
                                    .onFailure().invoke(e -> LOG.errorf("webhook delivery %s: %s", d.id(), e.toString()))
                                    .onFailure().recoverWithNull()).merge(8)
                            .collect().asList().replaceWith(due.size()));
        });
    }

    private Uni<Void> deliver(Due due, SubscriptionEntity subscription) {
        if (subscription == null || SubscriptionEntity.DELETED.equals(subscription.status)) {
            return Uni.createFrom().voidItem(); // deleted after this delivery was claimed: its pending rows are cancelled
        }
        Duration wait = rateLimits.take("webhook");
        if (!wait.isZero()) {
            return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "UPDATE webhook_deliveries SET attempts = attempts - 1, next_attempt_at = ?2 WHERE id = ?1")
                    .setParameter(1, due.id()).setParameter(2, utc(clock.now().plus(wait))).executeUpdate())).replaceWithVoid();
        }
        Instant started = clock.now();
        Optional<String> refused = urls.refusal(subscription.url);
        if (refused.isPresent()) {
            return record(due, subscription, started, null, "the URL " + refused.get());
        }
        String secret;
        try {
            secret = cipher.open(new ContactCipher.Sealed(subscription.secretKeyId, subscription.secretNonce,
                    subscription.secretCiphertext), "subscription:" + subscription.id);
        } catch (RuntimeException e) {
            // A recorded failed attempt (retried, then paused), not a failed round that holds up every partner.
            return record(due, subscription, started, null, "the subscription's secret could not be opened ("
                    + e.getClass().getSimpleName() + ")");
        }
        // Wall-clock time on purpose: receivers compare the signed timestamp with their own clock.
        long timestamp = Instant.now().getEpochSecond();
        String messageId = due.id().toString();
        return OwnContext.back(client.postAbs(subscription.url)
                .putHeader("Content-Type", "application/cloudevents+json; charset=utf-8")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secret, messageId, timestamp, due.payload()))
                .timeout(timeout.toMillis())
                .sendBuffer(Buffer.buffer(due.payload())))
                .onItemOrFailure().transformToUni((response, failure) -> failure != null
                        ? record(due, subscription, started, null, failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))
                        : record(due, subscription, started, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()));
    }

    private Uni<Void> record(Due due, SubscriptionEntity subscription, Instant started, Integer status, String error) {
        Instant now = clock.now();
        boolean delivered = error == null;
        boolean giveUp = !delivered && !now.isBefore(due.giveUpAt());
        Instant next = delivered || giveUp ? null : now.plus(backoff(due.attempt()));
        String outcome = delivered ? "delivered" : giveUp ? "gave-up" : "retrying";
        long millis = Duration.between(started, now).toMillis();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO webhook_attempts (delivery_id, subscription_id, attempt, attempted_at, status_code, "
                                        + "outcome, error, duration_ms, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, due.id()).setParameter(2, subscription.id).setParameter(3, due.attempt())
                        .setParameter(4, utc(started)).setParameter(5, status).setParameter(6, outcome).setParameter(7, error)
                        .setParameter(8, millis).setParameter(9, next == null ? null : utc(next)).executeUpdate()
                        .chain(() -> s.createNativeQuery("UPDATE webhook_deliveries SET status = ?2, next_attempt_at = COALESCE(?3, next_attempt_at) WHERE id = ?1")
                                .setParameter(1, due.id()).setParameter(2, delivered ? "delivered" : giveUp ? "failed" : "pending")
                                .setParameter(3, next == null ? null : utc(next)).executeUpdate())
                        .chain(() -> delivered
                                ? s.createNativeQuery("UPDATE subscriptions SET consecutive_failures = 0, updated_at = ?2 WHERE id = ?1")
                                .setParameter(1, subscription.id).setParameter(2, utc(now)).executeUpdate()
                                : s.createNativeQuery("UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1, updated_at = ?2, "
                                        + "status = CASE WHEN consecutive_failures + 1 >= ?3 THEN 'paused' ELSE status END, "
                                        + "status_reason = CASE WHEN consecutive_failures + 1 >= ?3 AND status = 'active' THEN ?4 ELSE status_reason END "
                                        + "WHERE id = ?1")
                                .setParameter(1, subscription.id).setParameter(2, utc(now)).setParameter(3, pauseAfter)
                                .setParameter(4, "paused after " + pauseAfter + " failed delivery attempts in a row (last: " + error + ", "
                                        + now + "); fix the receiver, then POST /api/v1/subscriptions/" + subscription.id + "/resume")
                                .executeUpdate())))
                .invoke(() -> {
                    if (!delivered) {
                        LOG.infof("webhook delivery %s attempt %d to subscription %s: %s (%s)", due.id(), due.attempt(),
                                subscription.id, outcome, error);
                    }
                })
                .replaceWithVoid();
    }

    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 20));
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

}
