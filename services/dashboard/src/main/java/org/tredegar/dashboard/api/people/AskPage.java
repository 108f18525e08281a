package org.tredegar.dashboard.api.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.tredegar.dashboard.domain.AskForm;
import org.tredegar.dashboard.domain.SiteLanguage;
import org.tredegar.platform.web.ratelimit.RateLimited;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Ask for help" (/ask): no account, a plain form that works with JavaScript off. A good post is sent to the requests
 * service and answered with 303 to the tracking page; a post with problems comes back with each problem at its
 * field, in the person's language, keeping what they typed. The form's key is the request's idempotency key: the
 * same form sent twice leads to the same tracking page and one request.
 */
@PermitAll
@RateLimited
@Path("/ask")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AskPage {
    private static final Logger LOG = Logger.getLogger(AskPage.class);
    /** The demo hubs' time zone: a window typed as local time is sent as an instant. */
    private static final ZoneId HUB_ZONE = ZoneId.of("Europe/London");

    @Inject
    SitePage site;
    @Inject
    FormGuard guard;
    @Inject
    ObjectMapper json;
    @Inject
    @RestClient
    RequestsApi requests;
    @Inject
    @Location("people/ask.html")
    Template ask;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Context
    HttpServerRequest http;

    @GET
    public Uni<Response> form(@QueryParam("hub") String hub, @CookieParam(FormGuard.COOKIE) String browserCookie) {
        SiteLanguage language = site.language(uri, headers);
        return page(200, AskForm.empty(language), Map.of(), hub, guard.browserOrNew(browserCookie), language);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> send(@RestForm String formKey, @RestForm String formToken, @RestForm String lang,
                              @RestForm String hub, @RestForm String category, @RestForm String urgency,
                              @RestForm String description, @RestForm String where, @RestForm String lat,
                              @RestForm String lon, @RestForm String contact, @RestForm String phone,
                              @RestForm String email, @RestForm String language, @RestForm String accessibility,
                              @RestForm String windowFrom, @RestForm String windowTo,
                              @CookieParam(FormGuard.COOKIE) String browserCookie) {
        SiteLanguage pageLanguage = SiteLanguage.choose(lang, null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        AskForm form = new AskForm(category, urgency, description, where, lat, lon, contact, phone, email,
                language, accessibility, windowFrom, windowTo);
        String browser = guard.browserOrNew(browserCookie);
        if (!guard.accepts(browserCookie, formKey, formToken)) {
            // Forged, from another site, or from before a restart: nothing is sent; the person's words are kept.
            return page(403, form, Map.of("category", "error_form"), hub, browser, pageLanguage);
        }
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(400, form, problems, hub, browser, pageLanguage);
        }
        return requests.submit(formKey, http.remoteAddress().hostAddress(), body(form).toString())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("the requests service could not be reached: %s", e.toString());
                    return Response.status(503).build();
                })
                .chain(answer -> switch (answer.getStatus()) {
                    case 202, 200 -> Uni.createFrom().item(tracked(answer, form, pageLanguage));
                    case 400 -> page(400, form, refused(answer), hub, browser, pageLanguage);
                    case 429 -> page(429, form, Map.of("category", "error_rate"), hub, browser, pageLanguage);
                    default -> page(503, form, Map.of("category", "error_busy"), hub, browser, pageLanguage);
                });
    }

    private Response tracked(Response answer, AskForm form, SiteLanguage language) {
        JsonNode accepted = read(answer);
        String code = accepted.path("trackingCode").asText();
        String to = "/track/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "?lang=" + language.tag() + "&new=1"
                + (form.lifeSafety() ? "&danger=1" : "");
        return Response.seeOther(URI.create(to)).build();
    }

    /** The requests service's field errors, at our fields: a place no hub knows is the one people meet. */
    private Map<String, String> refused(Response answer) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (JsonNode error : read(answer).path("errors")) {
            String field = error.path("field").asText("");
            if (field.startsWith("location")) {
                problems.putIfAbsent("where", "error_where_unknown");
            } else if (field.startsWith("contact")) {
                problems.putIfAbsent("phone", "error_phone");
            } else if (field.startsWith("window")) {
                problems.putIfAbsent("windowFrom", "error_window");
            } else if (field.startsWith("description")) {
                problems.putIfAbsent("description", "error_description");
            }
        }
        if (problems.isEmpty()) {
            // Field names only: the problem's words can repeat what the person typed (a postcode, say).
            java.util.List<String> fields = new java.util.ArrayList<>();
            read(answer).path("errors").forEach(e -> fields.add(e.path("field").asText()));
            LOG.warnf("the requests service refused a checked form, fields %s", fields);
            problems.put("category", "error_busy");
        }
        return problems;
    }

    private ObjectNode body(AskForm form) {
        ObjectNode body = json.createObjectNode();
        body.put("category", form.helpCategory().slug());
        body.put("urgency", form.urgencyLevel().slug());
        body.put("description", form.description().strip());
        ObjectNode location = body.putObject("location");
        if (form.hasPoint()) {
            location.put("lat", form.latitude());
            location.put("lon", form.longitude());
        }
        if (form.where() != null && !form.where().isBlank()) {
            location.put("area", form.where().strip());
        }
        ObjectNode contact = body.putObject("contact");
        contact.put("channel", form.contactChannel().slug());
        if (form.contactValue() != null) {
            contact.put("value", form.contactValue());
        }
        SiteLanguage spoken = SiteLanguage.of(form.language());
        body.put("language", spoken == null ? "en" : spoken.tag());
        if (form.accessibility() != null && !form.accessibility().isBlank()) {
            body.put("accessibility", form.accessibility().strip());
        }
        if (form.hasWindow()) {
            ObjectNode window = body.putObject("window");
            window.put("from", AskForm.time(form.windowFrom()).atZone(HUB_ZONE).toInstant().toString());
            window.put("to", AskForm.time(form.windowTo()).atZone(HUB_ZONE).toInstant().toString());
        }
        return body;
    }

    private Uni<Response> page(int status, AskForm form, Map<String, String> errors, String hub, String browser,
                               SiteLanguage language) {
        FormGuard.Form fresh = guard.newForm(browser);
        // A form that was refused keeps its key: sending it again after a fix is still the same request.
        return site.render(ask.data("form", form).data("errors", errors).data("guard", fresh)
                        .data("hub", hub == null || hub.length() > 40 ? null : hub)
                        .data("categories", Choice.categories()).data("urgencies", Choice.urgencies())
                        .data("contacts", Choice.contacts()).data("contactChosen", form.contactChannel().slug())
                        .data("languageChosen", SiteLanguage.of(form.language()) == null ? language.tag() : SiteLanguage.of(form.language()).tag()),
                        language, "/ask")
                .createUni()
                .map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                        .cookie(guard.cookie(browser), site.remember(language)).build());
    }

    private JsonNode read(Response answer) {
        try {
            return json.readTree(answer.readEntity(String.class));
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
