package org.tredegar.contracts.volunteers.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time code was made to confirm a volunteer's phone number or email (sign-up without an account). The code and
 * the contact stay in the volunteers service; notifications fetches both from
 * {@code GET /api/v1/one-time-codes/{codeId}} with its own service token and sends the code on that channel.
 */
public record OneTimeCodeIssued(
        UUID codeId,
        UUID signUpId,
        UUID hubId,
        String purpose,
        String language,
        Instant expiresAt,
        Instant occurredAt) implements TredegarEvent {

    /** Confirms a sign-up by phone or email. */
    public static final String CONFIRM_SIGN_UP = "confirm-sign-up";

    public OneTimeCodeIssued {
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(signUpId, "signUpId");
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!CONFIRM_SIGN_UP.equals(purpose)) {
            throw new IllegalArgumentException("purpose must be " + CONFIRM_SIGN_UP + ", was " + purpose);
        }
    }

    @Override
    public String aggregateId() {
        return signUpId.toString();
    }
}
