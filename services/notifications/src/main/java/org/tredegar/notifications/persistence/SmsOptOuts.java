package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * {@code sms_opt_outs}: the keyed hashes of numbers that texted STOP. In the caller's session or transaction.
 */
@ApplicationScoped
public class SmsOptOuts {
    /** True when this number was not opted out before (a second STOP changes nothing). */
    public Uni<Boolean> optOut(String lookupHash, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO sms_opt_outs (lookup_hash, opted_out_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, lookupHash).setParameter(2, utc(now)).executeUpdate()).map(n -> n > 0);
    }

    /** True when the number had opted out. */
    public Uni<Boolean> optIn(String lookupHash) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM sms_opt_outs WHERE lookup_hash = ?1")
                .setParameter(1, lookupHash).executeUpdate()).map(n -> n > 0);
    }

    public Uni<Boolean> isOptedOut(String lookupHash) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT count(*) FROM sms_opt_outs WHERE lookup_hash = ?1", Long.class)
                .setParameter(1, lookupHash).getSingleResult()).map(n -> n > 0);
    }
}
