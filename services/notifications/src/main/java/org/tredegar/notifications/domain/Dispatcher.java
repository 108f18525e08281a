package org.tredegar.notifications.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.notifications.channels.Channel;
import org.tredegar.notifications.channels.OutgoingMessage;
import org.tredegar.notifications.channels.ProviderException;
import org.tredegar.notifications.channels.RateLimits;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.contacts.Contact;
import org.tredegar.notifications.contacts.ContactDirectory;
import org.tredegar.notifications.contacts.OneTimeCode;
import org.tredegar.notifications.contacts.OneTimeCodes;
import org.tredegar.notifications.persistence.NotificationEntity;
import org.tredegar.notifications.templates.MessageTemplates;
import org.tredegar.notifications.templates.RenderedMessage;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.tredegar.notifications.domain.NotificationPlanner.utc;

/**
 * Sends what the planner recorded. Each notification goes pending/held → sending (claimed under a lease, in its own
 * commit) → provider call → sent | pending (retry with backoff) | failed | skipped (in a second commit, with the
 * NotificationSent/NotificationFailed event in the outbox). A process that stops between the provider call and that
 * commit leaves the row in sending; when the lease runs out it is marked in doubt and the provider is asked before
 * anything is sent again.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    @Inject
    ContactDirectory contacts;
    @Inject
    OneTimeCodes codes;
    @Inject
    Instance<Channel> channels;
    @Inject
    MessageTemplates templates;
    @Inject
    RateLimits rateLimits;
    @Inject
    QuietHours quietHours;
    @Inject
    Hubs hubs;
    @Inject
    OutboxWriter outbox;
    @Inject
    ContactCipher cipher;
    @Inject
    SendCommitHook commitHook;
    @Inject
    DeliveryReceipts receipts;
    @Inject
    TimeSource clock;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tredegar.dispatch.batch-size", defaultValue = "50")
    int batchSize;
    @ConfigProperty(name = "tredegar.dispatch.concurrency", defaultValue = "8")
    int concurrency;
    @ConfigProperty(name = "tredegar.dispatch.max-attempts", defaultValue = "5")
    int maxAttempts;
    @ConfigProperty(name = "tredegar.dispatch.initial-backoff", defaultValue = "PT10S")
    Duration initialBackoff;
    @ConfigProperty(name = "tredegar.dispatch.max-backoff", defaultValue = "PT30M")
    Duration maxBackoff;
    @ConfigProperty(name = "tredegar.dispatch.lease", defaultValue = "PT2M")
    Duration lease;
    /**
     * How long a message waits out an outage of what it needs before a provider is even tried: the contact or code
     * lookup in the owning service, and Keycloak's token for that call. Such failures are not attempts at the person.
     */
    @ConfigProperty(name = "tredegar.dispatch.lookup-outage.give-up-after", defaultValue = "PT6H")
    Duration lookupGiveUpAfter;
    @ConfigProperty(name = "tredegar.dispatch.enabled", defaultValue = "true")
    boolean enabled;
    /** Longest wait for a contact lookup, a one-time code or a provider before the attempt counts as failed. */
    @ConfigProperty(name = "tredegar.dispatch.remote-timeout", defaultValue = "PT30S")
    Duration remoteTimeout;
    /** Rounds per tick while full batches are due: a backlog drains at the providers' pace, not one batch a tick. */
    @ConfigProperty(name = "tredegar.dispatch.max-rounds", defaultValue = "20")
    int maxRounds;
    @ConfigProperty(name = "tredegar.dispatch.urgent.hot-interval", defaultValue = "PT0.05S")
    Duration hotInterval;
    @ConfigProperty(name = "tredegar.dispatch.urgent.hot-window", defaultValue = "PT2S")
    Duration hotWindow;
    @Inject
    Vertx vertx;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean hot = new AtomicBoolean();
    private volatile long hotUntil;
    private volatile boolean stopping;

    @Scheduled(every = "${tredegar.dispatch.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return round();
    }

    /**
     * An urgent message (a one-time code, an urgent request or offer) is being recorded and will be due once its
     * transaction commits. Its writer does not know when that is, so the dispatcher runs a round every
     * {@code urgent.hot-interval} until {@code urgent.hot-window} after the last such message, instead of leaving it
     * to the next tick (the same idea as the outbox relay's commitExpected, ADR 0002).
     */
    public void urgentExpected() {
        if (!enabled || stopping) {
            return;
        }
        hotUntil = System.nanoTime() + hotWindow.toNanos();
        if (hot.compareAndSet(false, true)) {
            vertx.setPeriodic(hotInterval.toMillis(), this::hotTick);
        }
    }

    private void hotTick(long timer) {
        if (stopping) {
            vertx.cancelTimer(timer);
            return;
        }
        wake();
        if (System.nanoTime() - hotUntil > 0) {
            vertx.cancelTimer(timer);
            hot.set(false);
            // An urgent message between the check and the reset must not be left to the next tick.
            if (System.nanoTime() - hotUntil < 0) {
                urgentExpected();
            }
        }
    }

    /** No more rounds once the service is stopping (its pool is about to close). */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** A round now; if one is already running, one more right after it (what it claimed was claimed before). */
    public void wake() {
        round().subscribe().with(ignored -> {
        }, e -> LOG.warnf("dispatch round failed: %s", e.toString()));
    }

    /** One round at a time, whoever asks (the tick, a wake-up): the concurrency bound holds for the whole service. */
    private Uni<Void> round() {
        return Uni.createFrom().deferred(() -> {
            if (!enabled || stopping) {
                return Uni.createFrom().voidItem();
            }
            if (!running.compareAndSet(false, true)) {
                again.set(true);
                return Uni.createFrom().voidItem();
            }
            again.set(false);
            Context base = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
            return OwnContext.run(base, () -> recoverStale().chain(this::dispatchDue))
                    .replaceWithVoid()
                    .onFailure().invoke(e -> LOG.warnf("dispatch round failed: %s", e.toString()))
                    .onFailure().recoverWithNull().replaceWithVoid()
                    .eventually(() -> {
                        running.set(false);
                        if (again.getAndSet(false)) {
                            wake();
                        }
                    });
        });
    }

    /**
     * Claims what is due and sends it, again while whole batches were due (up to {@code max-rounds}). Answers how
     * many were claimed.
     */
    public Uni<Integer> dispatchDue() {
        return rounds(0, 0);
    }

    private Uni<Integer> rounds(int done, int round) {
        return claim().chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(n -> OwnContext.run(() -> deliver(n))).merge(concurrency)
                        .collect().asList().replaceWith(claimed.size()))
                .chain(n -> n >= batchSize && round + 1 < maxRounds
                        ? rounds(done + n, round + 1) : Uni.createFrom().item(done + n));
    }

    /** Sends still in "sending" after the lease: the process stopped mid-send. */
    Uni<Integer> recoverStale() {
        Instant now = clock.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE notifications SET status = 'pending', in_doubt = TRUE, next_attempt_at = ?1, updated_at = ?1 "
                                + "WHERE status = 'sending' AND claimed_at < ?2")
                .setParameter(1, utc(now)).setParameter(2, utc(now.minus(lease))).executeUpdate()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.warnf("%d notification(s) were being sent when a dispatcher stopped; checking before resending", n);
                    }
                });
    }

    Uni<List<Claimed>> claim() {
        Instant now = clock.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT * FROM notifications WHERE status IN ('pending', 'held') AND next_attempt_at <= ?1 "
                                + "ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED", NotificationEntity.class)
                .setParameter(1, utc(now)).setParameter(2, batchSize).getResultList())
                .map(rows -> rows.stream().map(n -> {
                    n.status = "sending";
                    n.attempts++;
                    n.claimedAt = now;
                    n.updatedAt = now;
                    return snapshot(n);
                }).toList()));
    }

    Uni<Void> deliver(Claimed n) {
        Instant now = clock.now();
        Optional<Instant> expiresAt = expiresAt(n);
        if (n.kind() == MessageKind.OFFER && expiresAt.isPresent() && expiresAt.get().isBefore(now)) {
            return finish(n, "skipped", "the offer expired before it could be sent");
        }
        if (n.kind() == MessageKind.ONE_TIME_CODE && expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            return finish(n, "skipped", "the code expired before it could be sent");
        }
        Optional<Instant> quietUntil = quietHours.holdUntil(n.hubId(), n.urgent(), now);
        if (quietUntil.isPresent()) {
            return release(n, "held", quietUntil.get(), null, false, false);
        }
        if (n.kind() == MessageKind.ONE_TIME_CODE) {
            return deliverCode(n);
        }
        return remote(contacts.find(n.recipientType(), n.recipientRef(), n.hubId()))
                .onFailure().call(e -> lookupFailed(n, new ProviderException("contact lookup failed: " + e.getClass().getSimpleName(), e)))
                .onFailure().recoverWithNull()
                .chain(contact -> {
                    if (contact == null) {
                        return Uni.createFrom().voidItem(); // the failure above was already recorded
                    }
                    if (contact.isEmpty() || contact.get().addresses().isEmpty()) {
                        return finish(n, "skipped", "no way to reach the recipient");
                    }
                    List<Contact.Address> left = contact.get().addresses().stream()
                            .filter(a -> !n.failedChannels().contains(a.channel())).toList();
                    if (left.isEmpty()) {
                        return failed(n, new ProviderException("the provider reported the message on "
                                + String.join(",", n.failedChannels()) + " as not delivered and there is no other channel", false),
                                String.join(",", n.failedChannels()));
                    }
                    String language = contact.get().language() != null ? contact.get().language() : n.language();
                    return tryAddresses(n, language, n.params(), left, 0, null);
                })
                .onFailure().invoke(e -> LOG.errorf("notification %s: %s", n.id(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * A one-time code: fetched from the issuing service now, sent on the one channel it names (no fallback: the code
     * confirms that address), then forgotten. Unknown, used or expired (404/410): nothing to send.
     */
    private Uni<Void> deliverCode(Claimed n) {
        return remote(codes.find(n.recipientType(), n.subjectRef()))
                .onFailure().call(e -> lookupFailed(n, new ProviderException("one-time code lookup failed: " + e.getClass().getSimpleName(), e)))
                .onFailure().recoverWithNull()
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().voidItem(); // the failure above was already recorded
                    }
                    if (found.isEmpty()) {
                        return finish(n, "skipped", "the code is no longer valid (unknown, used or expired)");
                    }
                    OneTimeCode code = found.get();
                    Contact.Address address = code.address();
                    if (address == null || n.failedChannels().contains(address.channel())) {
                        return finish(n, "skipped", "no way to reach the recipient");
                    }
                    Instant expires = code.expiresAt() != null ? code.expiresAt() : expiresAt(n).orElse(null);
                    if (expires != null && !expires.isAfter(clock.now())) {
                        return finish(n, "skipped", "the code expired before it could be sent");
                    }
                    Map<String, Object> params = new HashMap<>(n.params());
                    params.put("code", code.code());
                    if (code.purpose() != null) {
                        params.put("purpose", code.purpose());
                    }
                    // Counted from when the code was issued, so a resend after a crash reads the same (in-doubt check).
                    params.put("minutes", expires == null ? 0 : Math.max(1, (Duration.between(n.createdAt(), expires).getSeconds() + 59) / 60));
                    String language = code.language() != null ? code.language() : n.language();
                    return tryAddresses(n, language, params, List.of(address), 0, null);
                })
                .onFailure().invoke(e -> LOG.errorf("notification %s: %s", n.id(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The fallback chain: the preferred address first, then the others, until one provider takes the message. */
    private Uni<Void> tryAddresses(Claimed n, String language, Map<String, Object> params, List<Contact.Address> addresses,
                                   int index, Throwable last) {
        if (index >= addresses.size()) {
            String tried = String.join(",", addresses.stream().map(Contact.Address::channel).distinct().toList());
            return failed(n, last == null ? new ProviderException("no channel for the recipient's addresses", false) : last, tried);
        }
        Contact.Address address = addresses.get(index);
        Optional<Channel> channel = channels.stream().filter(c -> c.name().equals(address.channel())).findFirst();
        if (channel.isEmpty()) {
            return tryAddresses(n, language, params, addresses, index + 1, last);
        }
        Duration wait = rateLimits.take(channel.get().name());
        if (!wait.isZero()) {
            return release(n, "pending", clock.now().plus(wait), null, false, false);
        }
        RenderedMessage rendered = templates.render(n.kind(), language, params, hubs.zoneOf(n.hubId()));
        OutgoingMessage message = new OutgoingMessage(n.id(), address.value(), rendered);
        Uni<Optional<String>> earlier = n.inDoubt()
                ? channel.get().alreadySent(message, n.createdAt())
                : Uni.createFrom().item(Optional.empty());
        return remote(earlier.chain(found -> found.isPresent()
                        ? Uni.createFrom().item(found.get())
                        : channel.get().send(message)))
                .onItemOrFailure().transformToUni((ref, failure) -> {
                    if (failure != null) {
                        LOG.infof("notification %s: %s failed (%s), trying the next address if any", n.id(),
                                address.channel(), failure.getMessage());
                        return tryAddresses(n, language, params, addresses, index + 1, failure);
                    }
                    return sent(n, address, ref);
                });
    }

    private Uni<Void> sent(Claimed n, Contact.Address address, String providerRef) {
        Instant now = clock.now();
        // An SMS offer keeps a keyed hash of the number it went to, so the volunteer's reply can find the offer.
        String replyHash = n.kind() == MessageKind.OFFER && "sms".equals(address.channel())
                ? cipher.lookupHash("sms", address.value()) : null;
        return OwnContext.transaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE notifications SET status = 'sent', channel = ?2, provider_ref = ?3, sent_at = ?4, "
                                        + "updated_at = ?4, reply_hash = ?5, in_doubt = FALSE, reason = NULL, delivery_status = NULL, "
                                        + "lookup_failing_since = NULL "
                                        + "WHERE id = ?1 AND status = 'sending' AND claimed_at = ?6")
                        .setParameter(1, n.id()).setParameter(2, address.channel()).setParameter(3, providerRef)
                        .setParameter(4, utc(now)).setParameter(5, replyHash).setParameter(6, utc(n.claimedAt()))
                        .executeUpdate())
                .chain(updated -> {
                    if (updated == 0) {
                        LOG.warnf("notification %s was sent after its lease ran out; another dispatcher owns it now", n.id());
                        return Uni.createFrom().item(false);
                    }
                    return outbox.append(new NotificationSent(n.id(), n.hubId(), n.kind().slug(), address.channel(),
                            n.recipientType(), uuidOrNull(n.causationEventId()), now)).replaceWith(true);
                })
                .call(() -> commitHook.beforeCommit(n.id(), n.recipientRef()))
                // A delivery receipt may have overtaken this commit: it was kept when it came, and is applied now.
                .chain(recorded -> recorded && "sms".equals(address.channel()) && providerRef != null
                        ? receipts.applyEarly(n.id(), providerRef) : Uni.createFrom().voidItem()))
                .onFailure().invoke(e -> LOG.errorf("notification %s was handed to the provider but not recorded (%s); "
                        + "it stays in sending and is checked with the provider after the lease", n.id(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> failed(Claimed n, Throwable failure, String channel) {
        Instant next = clock.now().plus(backoff(n.attempts()));
        // A one-time code is not retried after it expires: nobody could use it.
        boolean codeExpiresFirst = n.kind() == MessageKind.ONE_TIME_CODE
                && expiresAt(n).map(expires -> !expires.isAfter(next)).orElse(false);
        boolean retry = ProviderException.isRetriable(failure) && n.attempts() < maxAttempts && !codeExpiresFirst;
        if (retry) {
            return release(n, "pending", next, failure.getMessage(), true, false)
                    .onFailure().invoke(e -> LOG.errorf("notification %s: the failed attempt could not be recorded (%s); "
                            + "it stays in sending and is tried again after the lease", n.id(), e.toString()));
        }
        return giveUp(n, failure, channel, codeExpiresFirst);
    }

    /**
     * The contact or code could not be looked up: our own services or Keycloak are down, which is no attempt at the
     * person. The message waits it out, with a growing pause, for {@code lookup-outage.give-up-after} from its first
     * failed lookup in a row (or until its offer or code expires), however many lookups that takes. Counted from that
     * failure, not from when the message was planned: one held overnight by quiet hours is hours old when it is first
     * sent.
     */
    private Uni<Void> lookupFailed(Claimed n, ProviderException failure) {
        Instant now = clock.now();
        Duration waited = n.lookupFailingSince() == null ? Duration.ZERO : Duration.between(n.lookupFailingSince(), now);
        Instant next = now.plus(outageBackoff(waited));
        boolean expiresFirst = expiresAt(n).map(expires -> !expires.isAfter(next)).orElse(false);
        if (waited.compareTo(lookupGiveUpAfter) < 0 && !expiresFirst) {
            // Debug only: in an outage this is every message on every retry; the row keeps the reason.
            LOG.debugf("notification %s: %s; waiting for it to come back", n.id(), failure.getMessage());
            return release(n, "pending", next, failure.getMessage(), false, true)
                    .onFailure().invoke(e -> LOG.errorf("notification %s: the failed lookup could not be recorded (%s); "
                            + "it stays in sending and is tried again after the lease", n.id(), e.toString()));
        }
        return giveUp(n, new ProviderException(failure.getMessage() + ", for " + waited.toSeconds() + " s", failure), "none",
                expiresFirst && n.kind() == MessageKind.ONE_TIME_CODE);
    }

    private Uni<Void> giveUp(Claimed n, Throwable failure, String channel, boolean codeExpiresFirst) {
        Instant now = clock.now();
        String reason = (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())
                + (codeExpiresFirst && ProviderException.isRetriable(failure) ? "; the code expires before another attempt" : "");
        return OwnContext.transaction(() -> update(n, "failed", now, reason)
                .chain(updated -> updated == 0 ? Uni.createFrom().voidItem()
                        : outbox.append(new NotificationFailed(n.id(), n.hubId(), n.kind().slug(), channel,
                        n.recipientType(), "gave up after " + n.attempts() + " attempt(s): " + reason, now)).replaceWithVoid()))
                .onFailure().invoke(e -> LOG.errorf("notification %s: the failed attempt could not be recorded (%s); "
                        + "it stays in sending and is tried again after the lease", n.id(), e.toString()));
    }

    private Uni<Void> finish(Claimed n, String status, String reason) {
        return OwnContext.transaction(() -> update(n, status, clock.now(), reason)).replaceWithVoid();
    }

    /**
     * Back to the queue; a release that was no attempt (quiet hours, rate limit, a lookup outage) does not count as one.
     * {@code lookupFailed}: the outage clock starts now unless it already runs. Any other release stops it: the lookup
     * answered, or the message was held by quiet hours, and time held is not time spent trying (else a lookup that
     * failed just before the night would give the message up at its first try in the morning).
     */
    private Uni<Void> release(Claimed n, String status, Instant next, String reason, boolean attempt, boolean lookupFailed) {
        Instant now = clock.now();
        return OwnContext.transaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE notifications SET status = ?2, next_attempt_at = ?3, updated_at = ?4, "
                                + "attempts = attempts - ?5, reason = COALESCE(?6, reason), "
                                + "lookup_failing_since = CASE WHEN CAST(?8 AS BOOLEAN) THEN COALESCE(lookup_failing_since, ?4) END "
                                + "WHERE id = ?1 AND status = 'sending' AND claimed_at = ?7")
                .setParameter(1, n.id()).setParameter(2, status).setParameter(3, utc(next)).setParameter(4, utc(now))
                .setParameter(5, attempt ? 0 : 1).setParameter(6, reason).setParameter(7, utc(n.claimedAt()))
                .setParameter(8, lookupFailed)
                .executeUpdate())).replaceWithVoid();
    }

    private static Uni<Integer> update(Claimed n, String status, Instant now, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE notifications SET status = ?2, updated_at = ?3, reason = ?4 "
                                + "WHERE id = ?1 AND status = 'sending' AND claimed_at = ?5")
                .setParameter(1, n.id()).setParameter(2, status).setParameter(3, utc(now)).setParameter(4, reason)
                .setParameter(5, utc(n.claimedAt())).executeUpdate());
    }

    /**
     * A call to another service or a provider: bounded in time (a call that never answers would hold up the whole
     * dispatcher round), and answered on this send's own context. No transaction is open while it runs.
     */
    private <T> Uni<T> remote(Uni<T> call) {
        return OwnContext.back(call.ifNoItem().after(remoteTimeout)
                .failWith(() -> new ProviderException("no answer within " + remoteTimeout, true)));
    }

    /**
     * During a lookup outage the pause grows with the time already waited (half of it, from the initial backoff up to
     * the maximum), with the same jitter, so a long outage is not met by every message every few seconds.
     */
    Duration outageBackoff(Duration waited) {
        return jittered(Math.max(initialBackoff.toMillis(), waited.toMillis() / 2));
    }

    /** Exponential, capped, with jitter so that a recovered provider is not hit by every retry at once. */
    Duration backoff(int attempt) {
        return jittered(initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 20)));
    }

    /** {@code base} capped at the maximum backoff, then anywhere from half of it to all of it. */
    private Duration jittered(long base) {
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static Optional<Instant> expiresAt(Claimed n) {
        Object expiresAt = n.params().get("expiresAt");
        return expiresAt == null ? Optional.empty() : Optional.of(Instant.parse(expiresAt.toString()));
    }

    private Claimed snapshot(NotificationEntity n) {
        Map<String, Object> params;
        try {
            params = n.params == null ? Map.of() : json.readValue(n.params, PARAMS);
        } catch (java.io.IOException e) {
            params = new HashMap<>();
        }
        return new Claimed(n.id, n.hubId, MessageKind.of(n.kind), n.recipientType, n.recipientRef, n.language, n.urgent,
                n.causationEventId, n.subjectRef, params, n.attempts, n.claimedAt, n.inDoubt, n.createdAt,
                n.failedChannels == null || n.failedChannels.isBlank() ? List.of() : List.of(n.failedChannels.split(",")),
                n.lookupFailingSince);
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
