package org.tredegar.notifications.domain;

/**
 * Why a send, or the lookup before it, did not work. Retriable: an outage or a rate limit, trying later may help;
 * otherwise the address will not work. {@code message} may be null (then {@code type} names what went wrong).
 */
public record SendFailure(String message, String type, boolean retriable) {

    public static SendFailure retriable(String message) {
        return new SendFailure(message, "ProviderException", true);
    }

    public static SendFailure permanent(String message) {
        return new SendFailure(message, "ProviderException", false);
    }

    /** What the row and NotificationFailed say. */
    public String reason() {
        return message == null ? type : message;
    }
}
