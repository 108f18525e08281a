package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.tredegar.notifications.domain.InboundText;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.RequesterConversations;

import java.util.List;

/**
 * Hands a requester's text to the requests service ({@code POST /api/v1/sms-conversations/messages}, this service's
 * own token). The provider's message id goes along, so a webhook the provider repeats changes nothing twice. When the
 * requests service does not answer, nothing was recorded and the person is asked to text again (see ADR 0010).
 */
@ApplicationScoped
public class HttpRequesterConversations implements RequesterConversations {
    private static final Logger LOG = Logger.getLogger(HttpRequesterConversations.class);

    @Inject
    @RestClient
    RequestsClient requests;

    @Override
    public Uni<Step> pass(InboundText text) {
        var message = new RequestsClient.ConversationMessage(text.messageId(), text.from(), text.to(), text.body());
        return OwnContext.back(requests.converse(message))
                .map(r -> new Step(Outcome.of(r.outcome()), r.hubId(), r.requestId(), r.language(),
                        r.choices() == null ? List.of() : r.choices()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("text %s: the requests service did not take it (%s)", text.messageId(), describe(e));
                    return new Step(Outcome.NOT_TAKEN, null, null, null, List.of());
                });
    }

    private static String describe(Throwable e) {
        return e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus() : e.getClass().getSimpleName();
    }
}
