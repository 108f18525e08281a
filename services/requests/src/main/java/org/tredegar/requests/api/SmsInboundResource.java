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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.platform.sms.TwilioSignature;
import org.tredegar.platform.web.ratelimit.RateLimited;
import org.tredegar.requests.domain.SmsConversation;

import java.util.Optional;

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

    /** The gateway's shared secret; when set, unsigned or wrongly signed messages are refused. */
    @ConfigProperty(name = "tredegar.sms.auth-token")
    Optional<String> authToken;
    /** The URL the gateway calls, as it sees it (behind a proxy it differs from the one we see). */
    @ConfigProperty(name = "tredegar.sms.webhook-url")
    Optional<String> webhookUrl;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Uni<String> inbound(MultivaluedMap<String, String> form,
                               @HeaderParam("X-Twilio-Signature") String signature,
                               @Context UriInfo uri) {
        if (authToken.isPresent() && !authToken.get().isBlank()) {
            String url = webhookUrl.orElse(uri.getRequestUri().toString());
            if (!TwilioSignature.verify(authToken.get(), url, form, signature)) {
                throw ApiProblem.forbidden("the X-Twilio-Signature header is missing or does not match this message");
            }
        }
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
