package org.tredegar.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.sandbox.inbound.InboundTexts;
import org.tredegar.sandbox.inbound.TextProblem;
import org.tredegar.sandbox.numbers.PhoneNumbers;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's texts for people and scripts: every text the platform sent or received, and "text the platform as
 * this phone". The body is read by hand rather than bound, so that any unreadable body gets a precise 400.
 */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    @Inject
    TextStore store;
    @Inject
    InboundTexts inbound;
    @Inject
    ObjectMapper json;

    @GET
    public List<TextView> list(@QueryParam("to") String to, @QueryParam("from") String from,
                               @QueryParam("since") String since) {
        String toNumber = PhoneNumbers.fromQuery(to);
        String fromNumber = PhoneNumbers.fromQuery(from);
        Instant after = Since.parse(since);
        return store.list(text -> (toNumber == null || toNumber.equals(text.to()))
                        && (fromNumber == null || fromNumber.equals(text.from()))
                        && TextStore.createdSince(after).test(text))
                .stream().map(TextView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(String body) {
        JsonNode request = parse(body);
        String from = field(request, "from");
        String to = field(request, "to");
        String text = field(request, "body");
        List<TextProblem> problems = TextProblem.of(from, to, text);
        if (!problems.isEmpty()) {
            throw new BadRequest(problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        }
        Text received = inbound.receive(from, to, text);
        return Response.accepted(Map.of("id", received.id())).build();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw BadRequest.field("body", "the request has no body: send {\"from\", \"to\", \"body\"}");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw BadRequest.field("body", "must be a JSON object {\"from\", \"to\", \"body\"}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw BadRequest.field("body", "the body is not valid JSON");
        }
    }

    /** A field's text; a field of another type (a number, a list) is reported as wrong, not coerced. */
    private static String field(JsonNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequest.field(name, "must be a string");
        }
        return value.textValue();
    }
}
