package org.tredegar.dashboard.domain;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the people's pages, and which one a visit gets: the one named in the address ({@code ?lang=}),
 * else the one chosen earlier with the switcher (remembered in a cookie), else the browser's first supported
 * {@code Accept-Language}, else English. Arabic is laid out right to left.
 */
public enum SiteLanguage {
    EN("en"), CY("cy"), ES("es"), PL("pl"), AR("ar");

    private final String tag;

    SiteLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** "rtl" for Arabic, "ltr" for the rest: the {@code dir} of the page. */
    public String direction() {
        return this == AR ? "rtl" : "ltr";
    }

    public static List<SiteLanguage> all() {
        return List.of(values());
    }

    /** The language of this visit; every argument may be null or nonsense. */
    public static SiteLanguage choose(String fromAddress, String fromCookie, String acceptLanguage) {
        SiteLanguage chosen = of(fromAddress);
        if (chosen == null) {
            chosen = of(fromCookie);
        }
        if (chosen == null && acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    chosen = of(range.getRange());
                    if (chosen != null) {
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is the browser's problem, not the person's: fall through to English.
            }
        }
        return chosen == null ? EN : chosen;
    }

    /** The supported language a tag such as "cy", "cy-GB" or "AR" names, or null. */
    public static SiteLanguage of(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        for (SiteLanguage language : values()) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        return null;
    }
}
