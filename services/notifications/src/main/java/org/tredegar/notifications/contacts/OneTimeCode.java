package org.tredegar.notifications.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A one-time code as its owning service answers {@code GET /api/v1/one-time-codes/{codeId}}: where to send it and
 * the code itself. Held in memory for one send only: neither the address nor the code is ever written or logged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OneTimeCode(String channel, String value, String code, String language, String purpose, Instant expiresAt) {

    /** The one address the code may go to ("phone" is sent by SMS); no alternatives: the code confirms this one. */
    public Contact.Address address() {
        if (channel == null || value == null || value.isBlank() || code == null || code.isBlank()) {
            return null;
        }
        return new Contact.Address("phone".equals(channel) ? "sms" : channel, value);
    }

    @Override
    public String toString() {
        return "OneTimeCode[" + channel + ", " + purpose + "]"; // never the address or the code
    }
}
