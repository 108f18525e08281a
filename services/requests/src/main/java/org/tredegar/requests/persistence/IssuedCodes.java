package org.tredegar.requests.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * The one-time codes issued for requests: {@code one_time_codes} (each code, sealed only while it can still be
 * delivered; {@link OneTimeCodeEntity}) and {@code contact_erasure_codes} (the keyed hash that checks what the
 * person sends back; {@link ErasureCodeEntity}).
 */
@ApplicationScoped
public class IssuedCodes {
    static final String WIPE_EXPIRED = "UPDATE one_time_codes SET key_id = NULL, nonce = NULL, sealed_code = NULL, "
            + "ended_at = expires_at WHERE ended_at IS NULL AND expires_at <= now()";
    /** Tombstones (no secrets) answer 410 for a week after expiry, then a late fetch gets 404. */
    static final String FORGET_OLD = "WITH codes AS (DELETE FROM one_time_codes WHERE expires_at < now() - interval '7 days') "
            + "DELETE FROM contact_erasure_codes WHERE expires_at < now()";
    static final String END_ALL_OF = "keyId = null, nonce = null, sealedCode = null, endedAt = ?1 "
            + "where requestId = ?2 and endedAt is null";

    @Inject
    Pool pool;

    /** Ends every live code of a request (a new one replaces them, or the contact is gone): sealed codes wiped. */
    public Uni<Integer> endAllOf(UUID requestId, Instant now) {
        return OneTimeCodeEntity.update(END_ALL_OF, now, requestId);
    }

    /** Wipes the sealed copies of expired codes and forgets long-expired ones; returns how many were wiped. */
    public Uni<Integer> wipeExpired() {
        return pool.withTransaction(connection -> connection.query(WIPE_EXPIRED).execute()
                .call(() -> connection.query(FORGET_OLD).execute())
                .map(RowSet::rowCount));
    }
}
