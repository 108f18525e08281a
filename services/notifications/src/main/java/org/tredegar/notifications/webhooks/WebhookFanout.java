package org.tredegar.notifications.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records one delivery per matching subscription (event type and hub), in the consumer's transaction, as a
 * CloudEvent in structured mode. Paused subscriptions still collect deliveries, sent once they are resumed
 * (within the bounded retry time).
 */
@ApplicationScoped
public class WebhookFanout {
    /**
     * Not forwarded to partners: one-time codes are between a person and Tredegar (that someone is confirming a
     * sign-up or erasing their request is nobody else's business).
     */
    public static final Set<String> NOT_FORWARDED = Set.of(
            EventCatalog.of(org.tredegar.contracts.requests.v1.OneTimeCodeIssued.class).type(),
            EventCatalog.of(org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued.class).type());

    @Inject
    TimeSource clock;
    @ConfigProperty(name = "tredegar.webhooks.give-up-after", defaultValue = "PT24H")
    Duration giveUpAfter;

    public Uni<Void> fanOut(IncomingEvent event) {
        String type = event.type().type();
        if (NOT_FORWARDED.contains(type)) {
            return Uni.createFrom().voidItem();
        }
        String hub = event.data().hubId().toString();
        return SubscriptionEntity.<SubscriptionEntity>list("status in ('active', 'paused') and eventTypes like ?1 and hubIds like ?2",
                        "%" + type + "%", "%" + hub + "%")
                .chain(subscriptions -> {
                    List<SubscriptionEntity> matching = subscriptions.stream()
                            .filter(s -> s.eventTypeList().contains(type) && s.hubIdList().contains(event.data().hubId()))
                            .toList();
                    if (matching.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String payload = structured(event);
                    Instant now = clock.now();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (SubscriptionEntity s : matching) {
                        chain = chain.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                        "INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, status, "
                                                + "attempts, next_attempt_at, give_up_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?7, ?6) "
                                                + "ON CONFLICT (subscription_id, event_id) DO NOTHING")
                                .setParameter(1, UUID.randomUUID()).setParameter(2, s.id).setParameter(3, event.id())
                                .setParameter(4, type).setParameter(5, payload).setParameter(6, utc(now))
                                .setParameter(7, utc(now.plus(giveUpAfter))).executeUpdate()).replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** CloudEvents 1.0 JSON format: the envelope's attributes and the event's data in one document. */
    static String structured(IncomingEvent event) {
        ObjectNode ce = EventJson.mapper().createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", event.type().source());
        ce.put("type", event.type().type());
        ce.put("subject", event.data().aggregateId());
        ce.put("time", event.time().toString());
        ce.put("datacontenttype", "application/json");
        ce.set("data", EventJson.mapper().valueToTree(event.data()));
        return ce.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
