package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.persistence.StockLocations;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.logistics.persistence.StockMinimums;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

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
    @Inject
    OutboxWriter outbox;
    @Inject
    StockMinimums minimums;
    @Inject
    StockLots lots;
    @Inject
    StockLocations locations;

    public Uni<Void> check(Collection<LocationItem> touched) {
        if (touched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = StockLedger.today();
        return Panache.getSession().chain(session -> {
            // Entity changes of this transaction must be in the database before the sums below read it.
            Uni<Void> chain = session.flush();
            for (LocationItem pair : new TreeSet<>(touched)) {
                chain = chain.chain(() -> checkOne(pair, today));
            }
            return chain;
        });
    }

    private Uni<Void> checkOne(LocationItem pair, LocalDate today) {
        return minimums.lock(pair).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            StockMinimums.Minimum minimum = found.get();
            return lots.available(pair, today).chain(available -> {
                boolean low = available < minimum.minimum();
                if (low == minimum.low()) {
                    return Uni.createFrom().voidItem();
                }
                Uni<Void> flip = minimums.markLow(pair, low);
                if (!low) {
                    return flip;
                }
                return flip.chain(() -> locations.hubOf(pair.locationId()))
                        .chain(hubId -> outbox.append(new LowStock(pair.locationId(), hubId,
                                ItemSlug.fromSlug(pair.item()), available.intValue(), minimum.minimum(), Instant.now())))
                        .replaceWithVoid();
            });
        });
    }
}
