package org.tredegar.requests.api;

import java.time.Instant;

/**
 * A one-time code and where to send it, as the notifications service fetches it to deliver it: only what sending
 * needs. {@code purpose} is the OneTimeCodeIssued purpose (today {@code erase-request}).
 */
public record OneTimeCodeView(String channel, String value, String code, String language, String purpose, Instant expiresAt) {
}
