package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time code was made for the person behind a request (today: to confirm erasing their request). The code and
 * the contact stay in the requests service; notifications fetches both from {@code GET /api/v1/one-time-codes/{codeId}}
 * with its own service token and sends the code on the person's channel.
 */
public record OneTimeCodeIssued(
        UUID codeId,
        UUID requestId,
        UUID hubId,
        String purpose,
        String language,
        Instant expiresAt,
        Instant occurredAt) implements TredegarEvent {

    /** Confirms that the person asking to erase a request is the one who gave its contact. */
    public static final String ERASE_REQUEST = "erase-request";

    public OneTimeCodeIssued {
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!ERASE_REQUEST.equals(purpose)) {
            throw new IllegalArgumentException("purpose must be " + ERASE_REQUEST + ", was " + purpose);
        }
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
