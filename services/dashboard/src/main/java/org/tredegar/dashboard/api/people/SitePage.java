package org.tredegar.dashboard.api.people;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import org.tredegar.dashboard.domain.SiteLanguage;

import java.util.List;

/**
 * What every people's page needs besides its own data: the visit's language (and its text direction), the address
 * the language links lead back to, and the fingerprinted stylesheet and script. A language named in the address
 * is remembered in a cookie, so the next page comes in it too.
 */
@ApplicationScoped
public class SitePage {
    public static final String LANGUAGE_COOKIE = "tredegar-lang";

    @Inject
    SiteAssets assets;

    public SiteLanguage language(UriInfo uri, HttpHeaders headers) {
        var cookie = headers.getCookies().get(LANGUAGE_COOKIE);
        return SiteLanguage.choose(uri.getQueryParameters().getFirst("lang"), cookie == null ? null : cookie.getValue(),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The template, in this language, with {@code page} for the layout. */
    public TemplateInstance render(TemplateInstance template, SiteLanguage language, String path) {
        return template.data("page", new Page(language, path, assets.cssUrl(), assets.jsUrl(), Choice.languages()))
                .setLocale(language.locale());
    }

    /** Set when the address chose the language: the switcher's choice holds for the pages after. */
    public NewCookie remember(SiteLanguage language) {
        return new NewCookie.Builder(LANGUAGE_COOKIE).value(language.tag()).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    public record Page(SiteLanguage lang, String path, String css, String js, List<Choice> languages) {
    }
}
