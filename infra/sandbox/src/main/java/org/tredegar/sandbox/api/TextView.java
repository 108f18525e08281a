package org.tredegar.sandbox.api;

import org.tredegar.sandbox.store.Text;

/** A text as the sandbox API shows it (CONVENTIONS, "Local sandbox"): E.164 numbers, ISO-8601 UTC time. */
public record TextView(String id, String from, String to, String body, String at, String direction, String status) {
    static TextView of(Text text) {
        return new TextView(text.id(), text.from(), text.to(), text.body(), text.createdAt().toString(),
                text.direction().apiName(), text.status());
    }
}
