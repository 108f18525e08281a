package org.tredegar.dashboard.api;

import io.quarkus.qute.TemplateExtension;
import org.tredegar.dashboard.domain.HubSnapshot.TopicRate;

import java.util.UUID;

/** Small helpers for the page templates: how figures are written on a page (the domain only computes them). */
@TemplateExtension
public class TemplateExtensions {
    private static final String BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

    private TemplateExtensions() {
    }

    /** The first 8 hex digits: enough to tell rows apart on screen and to search for the full id. */
    static String shortId(UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }

    /** Block characters, one per minute, scaled to the busiest minute (the page's script draws the same). */
    static String sparkline(TopicRate rate) {
        long max = rate.perMinute().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (long n : rate.perMinute()) {
            out.append(max == 0 ? BARS.charAt(0) : BARS.charAt((int) Math.min(7, n * 7 / max)));
        }
        return out.toString();
    }
}
