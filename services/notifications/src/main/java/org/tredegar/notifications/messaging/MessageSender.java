package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.domain.SmsOptOutList;
import org.tredegar.notifications.domain.Address;
import org.tredegar.notifications.domain.Claimed;
import org.tredegar.notifications.domain.Decision;
import org.tredegar.notifications.domain.DeliveryDecisions;
import org.tredegar.notifications.domain.DeliveryOutcomes;
import org.tredegar.notifications.domain.MessageKind;
import org.tredegar.notifications.domain.MessageTemplates;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.RenderedMessage;
import org.tredegar.notifications.domain.SendFailure;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.platform.code.OneTimeCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one claimed message: looks its contact (or one-time code) up in the owning service, then goes down the
 * fallback chain, each address on its channel's provider, until one takes it. What each result means for the message
 * is {@link DeliveryDecisions}'; {@link DeliveryOutcomes} records it. No transaction is open during any remote call
 * (lookup, token, provider), and every one of them is bounded by {@code tredegar.dispatch.remote-timeout}.
 */
@ApplicationScoped
public class MessageSender {
    private static final Logger LOG = Logger.getLogger(MessageSender.class);

    @Inject
    ContactDirectory contacts;
    @Inject
    Instance<Channel> channels;
    @Inject
    MessageTemplates templates;
    @Inject
    RateLimits rateLimits;
    @Inject
    Hubs hubs;
    @Inject
    DeliveryDecisions decisions;
    @Inject
    DeliveryOutcomes outcomes;
    @Inject
    TimeSource clock;
    @Inject
    SmsOptOutList optOuts;
    @Inject
    SendTimeDetails details;
    /** Longest wait for a contact lookup, a one-time code or a provider before the attempt counts as failed. */
    @ConfigProperty(name = "tredegar.dispatch.remote-timeout", defaultValue = "PT30S")
    Duration remoteTimeout;

    public Uni<Void> deliver(Claimed n) {
        Optional<Decision> notNow = decisions.beforeSending(n, clock.now());
        if (notNow.isPresent()) {
            return outcomes.record(n, notNow.get());
        }
        if (n.kind() == MessageKind.ONE_TIME_CODE) {
            return deliverCode(n);
        }
        return remote(contacts.find(n.recipientType(), n.recipientRef(), n.hubId()))
                .onFailure().call(e -> lookupFailed(n, "contact lookup failed: " + e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .chain(contact -> {
                    if (contact == null) {
                        return Uni.createFrom().voidItem(); // the failure above was already recorded
                    }
                    if (contact.isEmpty() || contact.get().addresses().isEmpty()) {
                        return outcomes.record(n, new Decision.Skip("no way to reach the recipient"));
                    }
                    List<Address> left = contact.get().addresses().stream()
                            .filter(a -> !n.failedChannels().contains(a.channel())).toList();
                    if (left.isEmpty()) {
                        String reported = String.join(",", n.failedChannels());
                        return failed(n, SendFailure.permanent("the provider reported the message on " + reported
                                + " as not delivered and there is no other channel"), reported);
                    }
                    String language = contact.get().language() != null ? contact.get().language() : n.language();
                    return optOuts.reachable(left).chain(reachable -> reachable.isEmpty()
                            ? outcomes.record(n, new Decision.Skip("the person texted STOP and has no other channel"))
                            : remote(details.forMessage(n, contact.get()))
                            .onItemOrFailure().transformToUni((params, failure) -> {
                                if (failure instanceof SendTimeDetails.NothingToSay gone) {
                                    return outcomes.record(n, new Decision.Skip(gone.getMessage()));
                                }
                                if (failure != null) {
                                    return lookupFailed(n, "details lookup failed: " + failure.getClass().getSimpleName());
                                }
                                return tryAddresses(n, language, params, reachable, 0, null);
                            }));
                })
                .onFailure().invoke(e -> LOG.errorf("notification %s: %s", n.id(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * A one-time code: fetched from the issuing service now, sent on the one channel it names (no fallback: the code
     * confirms that address), then forgotten. Unknown, used or expired (404/410): nothing to send.
     */
    private Uni<Void> deliverCode(Claimed n) {
        return remote(contacts.oneTimeCode(n.recipientType(), n.subjectRef()))
                .onFailure().call(e -> lookupFailed(n, "one-time code lookup failed: " + e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().voidItem(); // the failure above was already recorded
                    }
                    if (found.isEmpty()) {
                        return outcomes.record(n, new Decision.Skip("the code is no longer valid (unknown, used or expired)"));
                    }
                    OneTimeCode code = found.get();
                    Optional<Address> address = addressOf(code);
                    if (address.isEmpty() || n.failedChannels().contains(address.get().channel())) {
                        return outcomes.record(n, new Decision.Skip("no way to reach the recipient"));
                    }
                    Instant expires = code.expiresAt() != null ? code.expiresAt() : n.expiresAt().orElse(null);
                    if (expires != null && !expires.isAfter(clock.now())) {
                        return outcomes.record(n, decisions.codeExpired());
                    }
                    String language = code.language() != null ? code.language() : n.language();
                    return tryAddresses(n, language, DeliveryDecisions.codeParams(n, code.code(), code.purpose(), expires),
                            List.of(address.get()), 0, null);
                })
                .onFailure().invoke(e -> LOG.errorf("notification %s: %s", n.id(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The fallback chain: the preferred address first, then the others, until one provider takes the message. */
    private Uni<Void> tryAddresses(Claimed n, String language, Map<String, Object> params, List<Address> addresses,
                                   int index, SendFailure last) {
        if (index >= addresses.size()) {
            String tried = String.join(",", addresses.stream().map(Address::channel).distinct().toList());
            return failed(n, last == null ? SendFailure.permanent("no channel for the recipient's addresses") : last, tried);
        }
        Address address = addresses.get(index);
        Optional<Channel> channel = channels.stream().filter(c -> c.name().equals(address.channel())).findFirst();
        if (channel.isEmpty()) {
            return tryAddresses(n, language, params, addresses, index + 1, last);
        }
        Duration wait = rateLimits.take(channel.get().name());
        if (!wait.isZero()) {
            return outcomes.record(n, new Decision.Requeue(clock.now().plus(wait)));
        }
        RenderedMessage rendered = templates.render(n.kind(), language, params, hubs.zoneOf(n.hubId()));
        OutgoingMessage message = new OutgoingMessage(n.id(), n.hubId(), address.value(), rendered);
        Uni<Optional<String>> earlier = n.inDoubt()
                ? channel.get().alreadySent(message, n.createdAt())
                : Uni.createFrom().item(Optional.empty());
        // Who it is for is noted before it leaves: an answer may come back before the send is recorded.
        return outcomes.sending(n, address).chain(() -> remote(earlier.chain(found -> found.isPresent()
                        ? Uni.createFrom().item(found.get())
                        : channel.get().send(message))))
                .onItemOrFailure().transformToUni((ref, failure) -> {
                    if (failure != null) {
                        LOG.infof("notification %s: %s failed (%s), trying the next address if any", n.id(),
                                address.channel(), failure.getMessage());
                        return tryAddresses(n, language, params, addresses, index + 1, ProviderException.describe(failure));
                    }
                    return outcomes.sent(n, address, ref);
                });
    }

    /** The one address a code may go to; no alternatives: the code confirms this one. None without an address or a code. */
    private static Optional<Address> addressOf(OneTimeCode code) {
        if (code.channel() == null || code.value() == null || code.value().isBlank() || code.code() == null
                || code.code().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Address.of(code.channel(), code.value()));
    }

    private Uni<Void> failed(Claimed n, SendFailure failure, String channels) {
        return outcomes.record(n, decisions.afterSendFailure(n, failure, channels, clock.now()));
    }

    private Uni<Void> lookupFailed(Claimed n, String why) {
        return outcomes.record(n, decisions.afterLookupFailure(n, SendFailure.retriable(why), clock.now()));
    }

    /**
     * A call to another service or a provider: bounded in time (a call that never answers would hold up the whole
     * dispatcher round), and answered on this send's own context. No transaction is open while it runs.
     */
    private <T> Uni<T> remote(Uni<T> call) {
        return OwnContext.back(call.ifNoItem().after(remoteTimeout)
                .failWith(() -> new ProviderException("no answer within " + remoteTimeout, true)));
    }
}
