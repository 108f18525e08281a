package org.tredegar.dashboard.api.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.tredegar.dashboard.domain.SiteLanguage;
import org.tredegar.platform.web.ratelimit.RateLimited;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Following a request (/track/{code}): where it is in plain words, what happens next, "I don't need it any more",
 * and "erase my contact details" with the one-time code sent to that contact. Nothing about anyone else. A code
 * that does not exist gets the same page whether it was mistyped or guessed, and guessing is rate-limited (here and
 * in the requests service).
 */
@PermitAll
@RateLimited
@Path("/track")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TrackPage {
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9-]{4,20}$");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

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
    @Location("people/track.html")
    Template track;
    @Inject
    @Location("people/track-lookup.html")
    Template lookup;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Context
    HttpServerRequest http;

    /** The lookup form; with {@code ?code=} (the form sent without JavaScript) straight on to that request. */
    @GET
    public Uni<Response> lookup(@QueryParam("code") String code) {
        SiteLanguage language = site.language(uri, headers);
        if (code != null && CODE.matcher(code.strip()).matches()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/track/" + code.strip() + "?lang=" + language.tag())).build());
        }
        return lookupPage(code == null ? 200 : 404, language);
    }

    @GET
    @Path("/{code}")
    public Uni<Response> show(@PathParam("code") String code, @QueryParam("new") String isNew,
                              @QueryParam("danger") String danger, @QueryParam("done") String done,
                              @CookieParam(FormGuard.COOKIE) String browserCookie) {
        SiteLanguage language = site.language(uri, headers);
        Notice notice = new Notice(isNew != null, danger != null, done == null ? null : switch (done) {
            case "cancelled" -> "track_cancelled";
            case "erased" -> "track_erased";
            default -> null;
        }, null, false);
        return status(code, language, notice, browserCookie, 200);
    }

    @POST
    @Path("/{code}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("code") String code, @RestForm String formKey, @RestForm String formToken,
                                @RestForm String lang, @CookieParam(FormGuard.COOKIE) String browserCookie) {
        SiteLanguage language = SiteLanguage.choose(lang, null, null);
        if (!valid(code) || !guard.accepts(browserCookie, formKey, formToken)) {
            return status(code, language, Notice.problem("error_form"), browserCookie, 403);
        }
        return requests.cancel(code, client()).onFailure().recoverWithItem(Response.status(503).build())
                .chain(answer -> answer.getStatus() == 200 ? back(code, language, "cancelled")
                        : status(code, language, Notice.problem(problemKey(answer.getStatus())), browserCookie, answer.getStatus()));
    }

    /** Without a code: one is sent to the contact on file. With the code: the contact is erased at once. */
    @POST
    @Path("/{code}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> erase(@PathParam("code") String code, @RestForm String formKey, @RestForm String formToken,
                               @RestForm String lang, @RestForm String erasureCode,
                               @CookieParam(FormGuard.COOKIE) String browserCookie) {
        SiteLanguage language = SiteLanguage.choose(lang, null, null);
        if (!valid(code) || !guard.accepts(browserCookie, formKey, formToken)) {
            return status(code, language, Notice.problem("error_form"), browserCookie, 403);
        }
        boolean confirming = erasureCode != null && !erasureCode.isBlank();
        if (confirming && !erasureCode.strip().matches("[0-9]{6}")) {
            return status(code, language, new Notice(false, false, null, "error_code_format", true), browserCookie, 400);
        }
        return requests.eraseContact(code, confirming ? erasureCode.strip() : null, client())
                .onFailure().recoverWithItem(Response.status(503).build())
                .chain(answer -> switch (answer.getStatus()) {
                    case 204 -> back(code, language, "erased");
                    case 202 -> status(code, language, new Notice(false, false, "track_erase_sent", null, true), browserCookie, 200);
                    case 403 -> status(code, language, new Notice(false, false, null, "error_code", true), browserCookie, 403);
                    case 404 -> status(code, language, Notice.problem("error_no_contact"), browserCookie, 409);
                    default -> status(code, language, Notice.problem(problemKey(answer.getStatus())), browserCookie, answer.getStatus());
                });
    }

    private Uni<Response> status(String code, SiteLanguage language, Notice notice, String browserCookie, int status) {
        if (!valid(code)) {
            return lookupPage(404, language);
        }
        String browser = guard.browserOrNew(browserCookie);
        return requests.track(code, client()).onFailure().recoverWithItem(Response.status(503).build())
                .chain(answer -> {
                    if (answer.getStatus() == 404) {
                        return lookupPage(404, language);
                    }
                    if (answer.getStatus() != 200) {
                        return lookupPage(answer.getStatus() == 429 ? 429 : 503, language);
                    }
                    JsonNode view = read(answer);
                    String state = view.path("status").asText("submitted").replace('-', '_');
                    Instant updated = view.hasNonNull("updatedAt") ? Instant.parse(view.get("updatedAt").asText()) : null;
                    String path = "/track/" + URLEncoder.encode(view.path("trackingCode").asText(code), StandardCharsets.UTF_8);
                    return site.render(track.data("code", view.path("trackingCode").asText(code))
                                    .data("statusKey", "status_" + state).data("nextKey", "next_" + state)
                                    .data("open", !(state.equals("fulfilled") || state.equals("closed") || state.equals("cancelled")))
                                    .data("updated", updated == null ? "" : WHEN.format(updated))
                                    .data("notice", notice).data("guard", guard.newForm(browser)).data("path", path),
                            language, path).createUni()
                            .map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                                    .header("Cache-Control", "no-store")
                                    .cookie(guard.cookie(browser), site.remember(language)).build());
                });
    }

    private Uni<Response> back(String code, SiteLanguage language, String done) {
        return Uni.createFrom().item(Response.seeOther(URI.create("/track/" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "?lang=" + language.tag() + "&done=" + done)).build());
    }

    private Uni<Response> lookupPage(int status, SiteLanguage language) {
        return site.render(lookup.data("notFound", status == 404).data("problem", status == 429 ? "error_rate"
                        : status == 503 ? "error_busy" : null), language, "/track").createUni()
                .map(html -> Response.status(status).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                        .header("Cache-Control", "no-store").build());
    }

    private static String problemKey(int status) {
        return status == 429 ? "error_rate" : status == 409 ? "status_closed" : "error_busy";
    }

    private static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    private String client() {
        return http.remoteAddress().hostAddress();
    }

    private JsonNode read(Response answer) {
        try {
            return json.readTree(answer.readEntity(String.class));
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    /** What the page says above the status: thanks after asking, 999 first for danger, a result, or a problem. */
    public record Notice(boolean thanks, boolean danger, String doneKey, String problemKey, boolean askForCode) {
        static Notice problem(String key) {
            return new Notice(false, false, null, key, false);
        }
    }
}
