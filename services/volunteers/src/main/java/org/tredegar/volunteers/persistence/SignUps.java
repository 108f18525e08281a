package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * Pending sign-ups by code ({@link SignUpEntity}) on the Hibernate path: a contact's sign-up that is still open, and
 * the forgetting of old ones. A contact's first sign-up and every confirmation are {@link SignUpStatement}'s.
 * In the caller's transaction.
 */
@ApplicationScoped
public class SignUps {
    /** The contact's sign-up (by the keyed hash of the contact), locked until the transaction ends; null if none. */
    public Uni<SignUpEntity> lockByLookupHash(String lookupHash) {
        return SignUpEntity.<SignUpEntity>find("lookupHash", lookupHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Deletes the sign-ups whose last code expired at or before {@code expiredBy}, with their codes (cascade). */
    public Uni<Integer> forgetExpiredBy(Instant expiredBy) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM volunteer_sign_ups WHERE expires_at <= ?1")
                .setParameter(1, utc(expiredBy)).executeUpdate());
    }
}
