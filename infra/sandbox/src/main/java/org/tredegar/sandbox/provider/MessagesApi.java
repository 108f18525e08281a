package org.tredegar.sandbox.provider;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tredegar.sandbox.config.SandboxConfig;
import org.tredegar.sandbox.store.MessageSids;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The provider's Messages API, as much of it as the platform's SMS adapter uses: send a text, list texts (to find
 * a message in doubt before sending it again), fetch one. Answers and errors in the provider's JSON.
 */
@Path("/2010-04-01/Accounts/{accountSid}")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesApi {
    @Inject
    SandboxConfig config;
    @Inject
    AccountAuth auth;
    @Inject
    OutgoingTexts outgoing;
    @Inject
    TextStore store;
    @Inject
    MessageListQuery listQuery;

    @POST
    @Path("/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("accountSid") String accountSid, @HeaderParam("Authorization") String authorization,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form,
                         @Context UriInfo uri) {
        auth.check(accountSid, authorization, uri.getPath());
        OutgoingTexts.Request request = OutgoingTexts.Request.of(form);
        Supplier<Text> create = () -> Text.queued(MessageSids.next(), request.from(), request.to(), request.body(), Instant.now());
        Text text = outgoing.accept(request, Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank()), create);
        return Response.status(Response.Status.CREATED).entity(TwilioJson.message(text, config.accountSid())).build();
    }

    @GET
    @Path("/Messages.json")
    public Map<String, Object> list(@PathParam("accountSid") String accountSid,
                                    @HeaderParam("Authorization") String authorization, @Context UriInfo uri) {
        auth.check(accountSid, authorization, uri.getPath());
        MessageListQuery.Filter filter = listQuery.parse(uri.getQueryParameters());
        List<Text> newestFirst = store.list(filter::matches).stream()
                .sorted(Comparator.comparing(Text::createdAt).reversed())
                .toList();
        int from = Math.min(filter.page() * filter.pageSize(), newestFirst.size());
        int to = Math.min(from + filter.pageSize(), newestFirst.size());
        return TwilioJson.page(newestFirst.subList(from, to), config.accountSid(), filter.page(), filter.pageSize(),
                to < newestFirst.size(), filter.query());
    }

    @GET
    @Path("/Messages/{sid}.json")
    public Map<String, Object> fetch(@PathParam("accountSid") String accountSid, @PathParam("sid") String sid,
                                     @HeaderParam("Authorization") String authorization, @Context UriInfo uri) {
        auth.check(accountSid, authorization, uri.getPath());
        return store.find(sid).map(text -> TwilioJson.message(text, config.accountSid()))
                .orElseThrow(() -> new ProviderError(404, AccountAuth.NOT_FOUND,
                        "The requested resource " + uri.getPath() + " was not found"));
    }

    @ServerExceptionMapper
    public Response providerError(ProviderError error) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(TwilioJson.error(error.code(), error.getMessage(), error.status()));
        if (error.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"Twilio API\"");
        }
        return response.build();
    }
}
