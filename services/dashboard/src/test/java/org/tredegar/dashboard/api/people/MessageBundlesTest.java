package org.tredegar.dashboard.api.people;

import org.junit.jupiter.api.Test;
import org.tredegar.dashboard.domain.SiteLanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page in every language: each language's file has every key, with the same placeholders, and no other. */
class MessageBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyLanguageHasEveryKeyWithItsPlaceholders() throws IOException {
        Set<String> keys = Arrays.stream(PeopleMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = load("en");
        assertThat(english.stringPropertyNames()).as("msg_en.properties against PeopleMessages").isEqualTo(keys);
        for (SiteLanguage language : SiteLanguage.all()) {
            Properties texts = load(language.tag());
            assertThat(new TreeSet<>(texts.stringPropertyNames())).as("keys of msg_" + language.tag()).isEqualTo(keys);
            for (String key : keys) {
                assertThat(texts.getProperty(key)).as(language.tag() + " " + key).isNotBlank();
                assertThat(placeholders(texts.getProperty(key))).as("placeholders of " + language.tag() + " " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void eachLanguageIsReallyTranslatedAndArabicIsInArabicScript() throws IOException {
        Properties english = load("en");
        for (String tag : new String[]{"cy", "es", "pl", "ar"}) {
            Properties texts = load(tag);
            assertThat(texts.getProperty("ask_title")).as(tag).isNotEqualTo(english.getProperty("ask_title"));
            assertThat(texts.getProperty("ask_submit")).as(tag).isNotEqualTo(english.getProperty("ask_submit"));
        }
        assertThat(load("ar").getProperty("ask_title")).containsPattern("\\p{IsArabic}");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties load(String tag) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages/msg_" + tag + ".properties")) {
            assertThat(in).as("messages/msg_" + tag + ".properties").isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
