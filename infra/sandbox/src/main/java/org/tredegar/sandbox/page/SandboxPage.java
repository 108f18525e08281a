package org.tredegar.sandbox.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.tredegar.sandbox.config.SandboxConfig;
import org.tredegar.sandbox.inbound.InboundTexts;
import org.tredegar.sandbox.inbound.TextProblem;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.util.List;

/**
 * The one page: every phone and inbox, and a plain HTML form to text the platform as any phone. Works with
 * JavaScript off: the form posts to {@code /send}, which answers 303 back to the page (so a reload does not send
 * twice), or the page again with the errors summarised at the top and repeated at each field, keeping what was typed.
 */
@Path("/")
public class SandboxPage {
    static final String DEFAULT_PHONE = "+447700900123";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageModel page);
    }

    @Inject
    PageModels models;
    @Inject
    InboundTexts inbound;
    @Inject
    TextStore store;
    @Inject
    PageText text;
    @Inject
    SandboxConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("sent") String sent) {
        PageModel.Notice notice = sent == null ? null : store.find(sent)
                .map(t -> new PageModel.Notice(t.from(), t.to(), t.status())).orElse(null);
        String to = notice != null ? notice.to() : firstHub();
        String from = notice != null ? notice.from() : DEFAULT_PHONE;
        return Templates.page(models.build(new PageModel.Form(from, to, ""), List.of(), notice));
    }

    @POST
    @Path("send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response send(@FormParam("from") String from, @FormParam("to") String to, @FormParam("body") String body) {
        String phone = from == null ? null : from.strip();
        String hub = to == null ? null : to.strip();
        List<TextProblem> problems = TextProblem.of(phone, hub, body);
        if (!problems.isEmpty()) {
            List<PageModel.FieldError> errors = problems.stream()
                    .map(p -> new PageModel.FieldError(p.field(), words(p))).toList();
            PageModel page = models.build(new PageModel.Form(from, to, body), errors, null);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.page(page)).build();
        }
        Text received = inbound.receive(phone, hub, body);
        return Response.seeOther(UriBuilder.fromPath("/").queryParam("sent", received.id()).fragment("sent").build()).build();
    }

    private String firstHub() {
        return config.hubs().values().stream().sorted().findFirst().orElse("");
    }

    private String words(TextProblem problem) {
        return switch (problem) {
            case FROM_MISSING -> text.errorFromMissing();
            case FROM_MALFORMED -> text.errorFromMalformed();
            case TO_MISSING -> text.errorToMissing();
            case TO_MALFORMED -> text.errorToMalformed();
            case BODY_EMPTY -> text.errorBodyEmpty();
            case BODY_TOO_LONG -> text.errorBodyTooLong();
        };
    }
}
