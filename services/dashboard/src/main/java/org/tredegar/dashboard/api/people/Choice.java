package org.tredegar.dashboard.api.people;

import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.dashboard.domain.SiteLanguage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One choice on a form or in the switcher: the value sent, and the message key of its words. */
public record Choice(String value, String labelKey) {
    static List<Choice> categories() {
        return Arrays.stream(HelpCategory.values()).map(c -> new Choice(c.slug(), "category_" + key(c.slug()))).toList();
    }

    static List<Choice> urgencies() {
        return Arrays.stream(Urgency.values()).map(u -> new Choice(u.slug(), "urgency_" + key(u.slug()))).toList();
    }

    /** Text first: most people in a crisis have a phone that texts; "do not contact me" last, and fine. */
    static List<Choice> contacts() {
        return List.of(ContactChannel.SMS, ContactChannel.PHONE, ContactChannel.EMAIL, ContactChannel.NONE).stream()
                .map(c -> new Choice(c.slug(), "contact_" + c.slug())).toList();
    }

    static List<Choice> languages() {
        return SiteLanguage.all().stream().map(l -> new Choice(l.tag(), "lang_" + l.tag())).toList();
    }

    /** The language, so the switcher can mark the current one and give each link its lang attribute. */
    public SiteLanguage language() {
        return SiteLanguage.of(value);
    }

    private static String key(String slug) {
        return slug.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
