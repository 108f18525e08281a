package org.tredegar.dashboard.api.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The people's pages' stylesheet and script, under names that carry a hash of their content, so that a phone keeps
 * them for a year and fetches them again only when they change. The stylesheet is GOV.UK Frontend's compiled CSS
 * (ADR 0011) with its typeface swapped for the phone's own: GDS Transport is licensed for GOV.UK services only, and
 * not fetching a font is kinder to a slow connection anyway. Our own few rules (right-to-left radios, the header)
 * follow it.
 */
@ApplicationScoped
@Path("/assets")
public class SiteAssets {
    private static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css";
    private static final String FONT_STACK = "system-ui,-apple-system,\"Segoe UI\",Roboto,arial,sans-serif";
    private final Asset css;
    private final Asset js;

    public SiteAssets() {
        String govuk = read(GOVUK)
                .replaceAll("@font-face\\{[^}]*}", "")
                .replace("GDS Transport,arial,sans-serif", FONT_STACK)
                .replace("font-family:GDS Transport", "font-family:" + FONT_STACK);
        css = Asset.of("site", "css", "text/css;charset=UTF-8", govuk + "\n" + read("site/people.css"));
        js = Asset.of("site", "js", "text/javascript;charset=UTF-8", read("site/people.js"));
    }

    /** The stylesheet's address, e.g. /assets/site-3f2a9c01de.css. */
    public String cssUrl() {
        return "/assets/" + css.name;
    }

    public String jsUrl() {
        return "/assets/" + js.name;
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        for (Asset asset : new Asset[]{css, js}) {
            if (asset.name.equals(name)) {
                return Response.ok(asset.bytes).type(asset.type)
                        .header("Cache-Control", "public, max-age=31536000, immutable").build();
            }
        }
        // An old name after a release: not cached, so the page that asked for it is fetched anew.
        return Response.status(404).header("Cache-Control", "no-store").build();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(String name, String type, byte[] bytes) {
        static Asset of(String base, String extension, String type, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
                return new Asset(base + "-" + hash + "." + extension, type, bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** For the pages: both addresses at once. */
    public Map<String, String> urls() {
        return Map.of("css", cssUrl(), "js", jsUrl());
    }
}
