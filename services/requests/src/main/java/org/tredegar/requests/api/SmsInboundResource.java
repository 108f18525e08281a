package org.tredegar.requests.api;

import org.tredegar.platform.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.tredegar.platform.sms.SmsWebhookGuard;
import org.tredegar.platform.web.ratelimit.RateLimited;
import org.tredegar.requests.domain.SmsConversation;

/**
 * The SMS gateway's webhook (form-encoded {@code From}, {@code Body}, as Twilio sends). Answers with empty TwiML:
 * replies to the person go out through the notifications service, not from here.
 */
@Path("/api/v1/channels/sms/inbound")
@PermitAll
@RateLimited
public class SmsInboundResource {
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @Inject
    SmsConversation conversation;
    /** Refuses unsigned or wrongly signed messages when the gateway's secret is set (tredegar.sms.auth-token). */
    @Inject
    SmsWebhookGuard guard;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Uni<String> inbound(MultivaluedMap<String, String> form,
                               @HeaderParam(SmsWebhookGuard.SIGNATURE_HEADER) String signature,
                               @Context UriInfo uri) {
        guard.verify(form, signature, uri);
        String from = form.getFirst("From");
        String body = form.getFirst("Body");
        if (from == null || !from.matches("^\\+?[0-9 ()-]{6,20}$")) {
            throw ApiProblem.badField("From", "a phone number is required");
        }
        if (body == null || body.isBlank()) {
            throw ApiProblem.badField("Body", "the message has no text");
        }
        return conversation.receive(from, body).replaceWith(EMPTY_TWIML);
    }
}
