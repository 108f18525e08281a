package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.Correspondent;
import org.tredegar.notifications.domain.NotificationStatus;
import org.tredegar.notifications.domain.RecipientType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * Who a number is, from what was sent to it by SMS ({@code notifications.reply_hash}): each volunteer or requester
 * this service texted at that number since {@code since}, the latest first; a text being handed to the provider
 * right now counts (its answer can come back before the send is recorded). In the caller's session.
 */
@ApplicationScoped
public class SentTexts {
    public Uni<List<Correspondent>> correspondentsOf(String replyHash, Instant since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT recipient_type, recipient_ref, hub_id, language, "
                                + "max(coalesce(sent_at, updated_at)) AS last FROM notifications WHERE reply_hash = ?1 "
                                + "AND coalesce(sent_at, updated_at) >= ?2 AND status IN ('" + NotificationStatus.SENT.slug()
                                + "', '" + NotificationStatus.SENDING.slug() + "') AND recipient_type <> '" + RecipientType.COORDINATOR.slug()
                                + "' GROUP BY recipient_type, recipient_ref, hub_id, language ORDER BY last DESC LIMIT 20", Object[].class)
                        .setParameter(1, replyHash).setParameter(2, utc(since)).getResultList())
                .map(rows -> rows.stream().map(r -> new Correspondent(RecipientType.fromSlug((String) r[0]), (UUID) r[1],
                        (UUID) r[2], (String) r[3])).toList());
    }
}
