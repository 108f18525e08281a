package org.tredegar.notifications.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.notifications.persistence.Subscriptions;
import org.tredegar.notifications.persistence.WebhookDeliveries;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Records one delivery per matching subscription (event type and hub), in the consumer's transaction, as a
 * CloudEvent in structured mode. Paused subscriptions still collect deliveries, sent once they are resumed
 * (within the bounded retry time).
 */
@ApplicationScoped
public class WebhookFanout {
    /** What this service consumes, and so can forward. */
    static final Set<String> FORWARDED_TOPICS = Set.of(Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS);
    /**
     * Not forwarded to partners: one-time codes are between a person and Tredegar (that someone is confirming a
     * sign-up or erasing their request is nobody else's business).
     */
    static final Set<String> NOT_FORWARDED = Set.of(
            EventCatalog.of(org.tredegar.contracts.requests.v1.OneTimeCodeIssued.class).type(),
            EventCatalog.of(org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued.class).type());

    @Inject
    Subscriptions subscriptions;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    TimeSource clock;
    @ConfigProperty(name = "tredegar.webhooks.give-up-after", defaultValue = "PT24H")
    Duration giveUpAfter;

    /** Whether partners may subscribe to this CloudEvents type. */
    public static boolean forwards(String type) {
        return type != null && !NOT_FORWARDED.contains(type)
                && EventCatalog.byType(type).filter(t -> FORWARDED_TOPICS.contains(t.topic())).isPresent();
    }

    public Uni<Void> fanOut(IncomingEvent event) {
        String type = event.type().type();
        if (NOT_FORWARDED.contains(type)) {
            return Uni.createFrom().voidItem();
        }
        return subscriptions.receiving(type, event.data().hubId()).chain(matching -> {
            if (matching.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String payload = structured(event);
            Instant now = clock.now();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Subscription s : matching) {
                chain = chain.chain(() -> deliveries.insert(s.id(), event.id(), type, payload, now, now.plus(giveUpAfter)));
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
}
