package org.tredegar.notifications.domain;

/** A text someone sent to a hub number, as the provider hands it over. */
public record InboundText(String messageId, String from, String to, String body) {
    @Override
    public String toString() {
        return "InboundText[" + messageId + "]"; // never the number or the text
    }
}
