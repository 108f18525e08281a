package org.tredegar.requests.domain;

/**
 * A text to a hub's number from someone who may be asking for help, as the notifications service hands it on:
 * the provider's message id (the same text handed on again has the same id), the sender, the hub's number, the words.
 */
public record SmsText(String messageId, String from, String to, String body) {
    public SmsText {
        body = body == null ? "" : body;
    }
}
