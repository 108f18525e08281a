package org.tredegar.notifications.api;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tredegar.notifications.domain.DeliveryReceipts;
import org.tredegar.notifications.domain.InboundText;
import org.tredegar.notifications.domain.InboundTexts;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.platform.sms.SmsWebhookGuard;
import org.tredegar.platform.web.ratelimit.RateLimited;

import java.util.Optional;

/**
 * The SMS provider calls these: delivery receipts (status callbacks; a failed or undelivered SMS moves on to the
 * recipient's next channel, see {@link DeliveryReceipts}) and incoming texts to every hub number — the one inbound
 * route ({@link InboundTexts}, ADR 0010). Each call is checked by the platform's {@link SmsWebhookGuard}: when
 * {@code tredegar.sms.auth-token} is set it must carry a valid {@code X-Twilio-Signature}.
 */
@Path("/api/v1/channels/sms")
@PermitAll
@RateLimited
public class SmsResource {
    @Inject
    InboundTexts inbound;
    @Inject
    DeliveryReceipts receipts;
    @Inject
    SmsWebhookGuard guard;

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> status(MultivaluedMap<String, String> form, @HeaderParam(SmsWebhookGuard.SIGNATURE_HEADER) String signature,
                                @Context UriInfo uri) {
        guard.verify(form, signature, uri);
        String sid = form.getFirst("MessageSid");
        String state = form.getFirst("MessageStatus");
        if (sid == null || sid.isBlank() || state == null || state.isBlank()) {
            throw ApiProblem.badField(sid == null || sid.isBlank() ? "MessageSid" : "MessageStatus", "is required");
        }
        return receipts.record(sid, state, form.getFirst("ErrorCode"))
                .map(updated -> Response.noContent().build());
    }

    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Uni<Response> inbound(MultivaluedMap<String, String> form, @HeaderParam(SmsWebhookGuard.SIGNATURE_HEADER) String signature,
                                 @Context UriInfo uri) {
        guard.verify(form, signature, uri);
        // A provider that sends no From or a withheld sender still gets a 200: nobody could be answered, and a
        // 4xx would only make it retry. Silence is the answer.
        String body = form.getFirst("Body");
        String sid = form.getFirst("MessageSid");
        InboundText text = new InboundText(sid == null || sid.isBlank() ? "unidentified-" + java.util.UUID.randomUUID() : sid,
                form.getFirst("From"), form.getFirst("To"), body == null ? "" : body);
        return inbound.receive(text).map(reply -> Response.ok(twiml(reply), MediaType.APPLICATION_XML).build());
    }

    /** TwiML: the provider texts the message back to the sender; an empty Response sends nothing. */
    static String twiml(Optional<String> text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + text.map(t -> "<Message>" + escape(t) + "</Message>").orElse("") + "</Response>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
