package org.tredegar.notifications.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** Plain words for the slugs messages mention (help categories, urgency), per language, English when missing. */
final class Labels {
    private static final Map<String, Properties> BY_LANGUAGE = new ConcurrentHashMap<>();

    private Labels() {
    }

    static String of(String language, String group, String slug) {
        if (slug == null) {
            return "";
        }
        String key = group + "." + slug;
        String word = load(language).getProperty(key);
        if (word == null) {
            word = load("en").getProperty(key, slug.replace('-', ' '));
        }
        return word;
    }

    private static Properties load(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, lang -> {
            Properties p = new Properties();
            try (InputStream in = Labels.class.getResourceAsStream("/labels/" + lang + ".properties")) {
                if (in != null) {
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        });
    }
}
