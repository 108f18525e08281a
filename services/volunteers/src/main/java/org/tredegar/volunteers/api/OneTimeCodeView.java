package org.tredegar.volunteers.api;

import java.time.Instant;

/** A code and where to send it, for the notifications service at send time only; never stored by the caller. */
public record OneTimeCodeView(String channel, String value, String code, String language, String purpose,
                              Instant expiresAt) {
}
