package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.volunteers.domain.CodeStatus;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * One-time codes ({@link OneTimeCodeEntity}) beyond what the entity does by id: replacing a sign-up's code and wiping
 * the sealed copies of expired ones. In the caller's transaction.
 */
@ApplicationScoped
public class OneTimeCodes {
    /** The sign-up's pending code (if any) is replaced and its sealed copy goes: a fetch of it answers 410 from now on. */
    public Uni<Integer> replacePending(UUID signUpId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE one_time_codes SET status = '"
                        + CodeStatus.REPLACED.slug() + "', key_id = NULL, nonce = NULL, ciphertext = NULL "
                        + "WHERE sign_up_id = ?1 AND status = '" + CodeStatus.PENDING.slug() + "'")
                .setParameter(1, signUpId).executeUpdate());
    }

    /** Codes expired by {@code now} lose their sealed copy (they can no longer be sent); how many did. */
    public Uni<Integer> wipeExpired(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE one_time_codes SET key_id = NULL, nonce = NULL, ciphertext = NULL "
                                + "WHERE ciphertext IS NOT NULL AND expires_at <= ?1")
                .setParameter(1, utc(now)).executeUpdate());
    }
}
