package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.SmsReceipt;

import java.time.Instant;
import java.util.List;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * {@code early_sms_receipts}: delivery receipts that came before the send they report on was committed (sid, status,
 * error code — no number, no text), kept until that send is recorded. In the caller's transaction.
 */
@ApplicationScoped
public class EarlySmsReceipts {

    /**
     * A receipt and the send it reports on take turns on the message sid: whichever comes second sees what the first
     * committed (a receipt that finds no sent notification is kept; the send that follows finds it kept).
     */
    public Uni<Void> lock(String messageSid) {
        return AdvisoryLocks.hold("sms-receipt:" + messageSid);
    }

    public Uni<Void> keep(String messageSid, SmsReceipt receipt, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO early_sms_receipts (message_sid, message_status, "
                                + "error_code, received_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, messageSid).setParameter(2, receipt.status()).setParameter(3, receipt.errorCode())
                .setParameter(4, utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** The receipts kept for this sid, in the order they came; they are no longer kept. */
    public Uni<List<SmsReceipt>> takeAll(String messageSid) {
        return Panache.getSession().chain(s -> s.createNativeQuery("WITH taken AS (DELETE FROM early_sms_receipts WHERE message_sid = ?1 "
                                + "RETURNING id, message_status, error_code) SELECT message_status, error_code FROM taken ORDER BY id",
                        Object[].class).setParameter(1, messageSid).getResultList())
                .map(rows -> rows.stream().map(r -> new SmsReceipt((String) r[0], (String) r[1])).toList());
    }

    public Uni<Integer> pruneReceivedBefore(Instant cutoff) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM early_sms_receipts WHERE received_at < ?1")
                .setParameter(1, utc(cutoff)).executeUpdate());
    }
}
