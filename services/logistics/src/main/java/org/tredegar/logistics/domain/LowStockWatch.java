package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Sends LowStock once per crossing below a minimum, not on every change. The `low` flag on the minimum row
 * remembers a dip; it is re-armed when available stock is back at or above the minimum.
 * <p>
 * Runs last in a stock-changing transaction: it locks minimum rows (in a fixed order) only after all lot locks,
 * and reads available stock after taking the lock, so concurrent changes see each other's committed result and
 * exactly one of them flips the flag.
 */
@ApplicationScoped
public class LowStockWatch {
    static final String LOCK_MINIMUM = "SELECT minimum, CASE WHEN low THEN 1 ELSE 0 END FROM stock_minimums "
            + "WHERE location_id = ?1 AND item = ?2 FOR UPDATE";
    static final String AVAILABLE = "SELECT COALESCE(SUM(on_hand - reserved), 0)::bigint FROM stock_lots "
            + "WHERE location_id = ?1 AND item = ?2 AND (expires_on IS NULL OR expires_on >= ?3)";
    static final String SET_LOW = "UPDATE stock_minimums SET low = ?3 WHERE location_id = ?1 AND item = ?2";
    static final String HUB_OF = "SELECT hub_id FROM stock_locations WHERE id = ?1";

    @Inject
    OutboxWriter outbox;

    public Uni<Void> check(Collection<LocationItem> touched) {
        if (touched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Panache.getSession().chain(session -> {
            // Entity changes of this transaction must be in the database before the sums below read it.
            Uni<Void> chain = session.flush();
            for (LocationItem pair : new TreeSet<>(touched)) {
                chain = chain.chain(() -> checkOne(session, pair, today));
            }
            return chain;
        });
    }

    private Uni<Void> checkOne(Mutiny.Session session, LocationItem pair, LocalDate today) {
        return session.createNativeQuery(LOCK_MINIMUM, Object[].class)
                .setParameter(1, pair.locationId()).setParameter(2, pair.item())
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    int minimum = ((Number) rows.get(0)[0]).intValue();
                    boolean wasLow = ((Number) rows.get(0)[1]).intValue() == 1;
                    return session.createNativeQuery(AVAILABLE, Long.class)
                            .setParameter(1, pair.locationId()).setParameter(2, pair.item()).setParameter(3, today)
                            .getSingleResult()
                            .chain(available -> {
                                boolean low = available < minimum;
                                if (low == wasLow) {
                                    return Uni.createFrom().voidItem();
                                }
                                Uni<Void> flip = session.createNativeQuery(SET_LOW).setParameter(1, pair.locationId())
                                        .setParameter(2, pair.item()).setParameter(3, low).executeUpdate().replaceWithVoid();
                                if (!low) {
                                    return flip;
                                }
                                return flip.chain(() -> session.createNativeQuery(HUB_OF, UUID.class)
                                                .setParameter(1, pair.locationId()).getSingleResult())
                                        .chain(hubId -> outbox.append(new LowStock(pair.locationId(), hubId,
                                                ItemSlug.fromSlug(pair.item()), available.intValue(), minimum, Instant.now())))
                                        .replaceWithVoid();
                            });
                });
    }
}
