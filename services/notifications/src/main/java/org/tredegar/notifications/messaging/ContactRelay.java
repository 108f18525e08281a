package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.domain.Address;
import org.tredegar.notifications.domain.MessageKind;
import org.tredegar.notifications.domain.MessageTemplates;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.RecipientType;
import org.tredegar.notifications.domain.RelayChannel;
import org.tredegar.notifications.domain.RenderedMessage;
import org.tredegar.notifications.domain.SmsOptOutList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The masked relay's sending side: the other person's contact is asked of its owning service for this one send, and
 * the text goes out on their first address whose channel takes it, from the hub's number. It is sent at once, in the
 * exchange with the sender (a person is waiting for the answer), not through the queue: the text is never written to
 * the database. If no provider takes it, the sender is told so and can send it again.
 */
@ApplicationScoped
public class ContactRelay implements RelayChannel {
    private static final Logger LOG = Logger.getLogger(ContactRelay.class);

    @Inject
    ContactDirectory contacts;
    @Inject
    Instance<Channel> channels;
    @Inject
    MessageTemplates templates;
    @Inject
    Hubs hubs;
    @Inject
    SmsOptOutList optOuts;

    @Override
    public Uni<Boolean> pass(RecipientType to, UUID recipientRef, UUID hubId, MessageKind kind, String text) {
        return OwnContext.back(contacts.find(to, recipientRef, hubId))
                .chain(contact -> {
                    if (contact.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    RenderedMessage rendered = templates.render(kind, contact.get().language(), Map.of("text", text), hubs.zoneOf(hubId));
                    OutgoingMessage message = new OutgoingMessage(UUID.randomUUID(), hubId, null, rendered);
                    return optOuts.reachable(contact.get().addresses()).chain(reachable -> sendFirst(reachable, message, 0));
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.infof("relay to %s %s failed: %s", to.slug(), recipientRef, e.getClass().getSimpleName());
                    return false;
                });
    }

    private Uni<Boolean> sendFirst(List<Address> addresses, OutgoingMessage template, int index) {
        if (index >= addresses.size()) {
            return Uni.createFrom().item(false);
        }
        Address address = addresses.get(index);
        Optional<Channel> channel = channels.stream().filter(c -> c.name().equals(address.channel())).findFirst();
        if (channel.isEmpty()) {
            return sendFirst(addresses, template, index + 1);
        }
        OutgoingMessage message = new OutgoingMessage(template.notificationId(), template.hubId(), address.value(), template.message());
        return OwnContext.back(channel.get().send(message)).replaceWith(true)
                .onFailure().recoverWithUni(() -> sendFirst(addresses, template, index + 1));
    }
}
