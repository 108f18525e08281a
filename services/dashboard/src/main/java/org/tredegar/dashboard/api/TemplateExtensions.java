package org.tredegar.dashboard.api;

import io.quarkus.qute.TemplateExtension;

import java.util.UUID;

/** Small helpers for the page templates. */
@TemplateExtension
public class TemplateExtensions {
    private TemplateExtensions() {
    }

    /** The first 8 hex digits: enough to tell rows apart on screen and to search for the full id. */
    static String shortId(UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }
}
