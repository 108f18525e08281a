package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.logistics.domain.LocationItem;

import java.util.Optional;

/**
 * Minimum levels ({@code stock_minimums}), one per item and location, with the {@code low} flag that remembers a
 * LowStock was sent for the current dip. No entity: the rows are only ever upserted, locked and flipped by key. In
 * the caller's transaction.
 */
@ApplicationScoped
public class StockMinimums {
    /** A minimum as the LowStock check reads it. */
    public record Minimum(int minimum, boolean low) {
    }

    /** Sets the minimum; a new one starts not low, an existing one keeps its flag until the next check. */
    public Uni<Void> set(LocationItem pair, int minimum) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO stock_minimums (location_id, item, minimum, low) VALUES (?1, ?2, ?3, FALSE) "
                                + "ON CONFLICT (location_id, item) DO UPDATE SET minimum = EXCLUDED.minimum")
                .setParameter(1, pair.locationId()).setParameter(2, pair.item()).setParameter(3, minimum).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Adds the minimum unless one is set. Flushes first: the location it refers to may have been persisted in this
     * same transaction and not be in the database yet.
     */
    public Uni<Void> addIfAbsent(LocationItem pair, int minimum) {
        return Panache.getSession().chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery("INSERT INTO stock_minimums (location_id, item, minimum) "
                                        + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                                .setParameter(1, pair.locationId()).setParameter(2, pair.item()).setParameter(3, minimum)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** The minimum row, locked until the transaction ends; empty when no minimum is set. */
    public Uni<Optional<Minimum>> lock(LocationItem pair) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "SELECT minimum, CASE WHEN low THEN 1 ELSE 0 END FROM stock_minimums "
                                        + "WHERE location_id = ?1 AND item = ?2 FOR UPDATE", Object[].class)
                        .setParameter(1, pair.locationId()).setParameter(2, pair.item())
                        .getResultList())
                .map(rows -> rows.stream().findFirst()
                        .map(row -> new Minimum(((Number) row[0]).intValue(), ((Number) row[1]).intValue() == 1)));
    }

    public Uni<Void> markLow(LocationItem pair, boolean low) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE stock_minimums SET low = ?3 WHERE location_id = ?1 AND item = ?2")
                .setParameter(1, pair.locationId()).setParameter(2, pair.item()).setParameter(3, low).executeUpdate())
                .replaceWithVoid();
    }
}
