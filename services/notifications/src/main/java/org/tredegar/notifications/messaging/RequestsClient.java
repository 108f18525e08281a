package org.tredegar.notifications.messaging;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.tredegar.platform.code.OneTimeCode;

import java.util.List;
import java.util.UUID;

/**
 * The requests service's audited contact endpoint and its one-time codes, called with this service's own
 * client-credentials token.
 */
@RegisterRestClient(configKey = "requests")
@OidcClientFilter
@Path("/api/v1")
public interface RequestsClient {
    @GET
    @Path("/requests/{id}/contact")
    Uni<Contact> contact(@PathParam("id") UUID requestId);

    /** A code to send (e.g. to confirm erasing a request): the address, the code, its language and expiry. */
    @GET
    @Path("/one-time-codes/{id}")
    Uni<OneTimeCode> oneTimeCode(@PathParam("id") UUID codeId);

    /** The hubs, with their SMS numbers (public list). */
    @GET
    @Path("/hubs")
    Uni<List<HubEntry>> hubs();

    /** A text to a hub number from someone asking for help: the requests service decides the conversation's step. */
    @POST
    @Path("/sms-conversations/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<ConversationReply> converse(ConversationMessage message);

    /** What the assigned volunteer needs to do the task, exact place included; only while it runs (else 409). */
    @GET
    @Path("/requests/{id}/task")
    Uni<TaskEntry> task(@PathParam("id") UUID requestId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HubEntry(UUID id, String slug, String name, String smsNumber) {
    }

    record ConversationMessage(String messageId, String from, String to, String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConversationReply(String outcome, UUID hubId, String hubSlug, UUID requestId, String trackingCode, String language,
                             List<String> choices) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskEntry(UUID requestId, UUID hubId, String category, String urgency, String description, Place place,
                     Window window, String language) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Place(String label, Double latitude, Double longitude) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Window(String from, String to) {
        }

        @Override
        public String toString() {
            return "TaskEntry[" + requestId + "]"; // never the place or the description: this may end up in a log line
        }
    }
}
