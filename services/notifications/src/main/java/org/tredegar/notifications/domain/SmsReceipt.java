package org.tredegar.notifications.domain;

import java.util.Set;

/** What the SMS provider reports about one message: its status (lower case) and the provider's error code, if any. */
public record SmsReceipt(String status, String errorCode) {
    private static final Set<String> FAILED = Set.of("failed", "undelivered");

    /** The message did not reach the phone. */
    public boolean failed() {
        return FAILED.contains(status);
    }

    /** What the notification's reason says of a failed message. */
    public String reason() {
        return "the provider reports " + status + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")");
    }
}
