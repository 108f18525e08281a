package org.tredegar.platform.code;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A one-time code and where to send it, as its owner (requests, volunteers) answers
 * {@code GET /api/v1/one-time-codes/{codeId}} to the notifications service, and as notifications reads it. Only what
 * sending needs; held in memory for one send, never stored or logged by the reader.
 *
 * @param channel   how to reach the person ({@code sms}, {@code email}; {@code phone} is sent by SMS)
 * @param purpose   the OneTimeCodeIssued purpose ({@code erase-request}, {@code confirm-sign-up})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OneTimeCode(String channel, String value, String code, String language, String purpose,
                          Instant expiresAt) {

    @Override
    public String toString() {
        return "OneTimeCode[" + channel + ", " + purpose + "]"; // never the address or the code
    }
}
