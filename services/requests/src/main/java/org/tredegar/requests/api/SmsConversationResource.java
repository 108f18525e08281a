package org.tredegar.requests.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.requests.domain.SmsConversation;

/**
 * Texts from people asking for help, handed on by the notifications service, which owns the SMS provider's webhook
 * (one route per hub number) and answers STOP/HELP, volunteers and relayed texts itself. This service decides the
 * conversation's step; notifications words the reply in the person's language. Service token only.
 */
@Path("/api/v1/sms-conversations/messages")
@RolesAllowed("service")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SmsConversationResource {
    @Inject
    SmsConversation conversation;

    /** 200 with the step; the same {@code messageId} again answers the same and changes nothing. */
    @POST
    public Uni<SmsConversationReply> receive(@NotNull(message = "a JSON body is required") @Valid SmsConversationMessage message) {
        return conversation.receive(message.toSmsText()).map(SmsConversationReply::of);
    }
}
