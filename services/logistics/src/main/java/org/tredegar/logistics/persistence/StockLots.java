package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.tredegar.logistics.domain.LocationItem;
import org.tredegar.logistics.domain.StockLevel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Lots ({@link StockLotEntity}): one item at one location with one expiry date. Row locks on lots are always taken
 * in one statement and in lot-id order: two transactions that need overlapping lots queue behind each other instead
 * of deadlocking, and whoever goes second sees what the first one left. In the caller's session or transaction.
 */
@ApplicationScoped
public class StockLots {
    /** Per location and item of a hub; {@code %s} is the keyset condition of pages after the first. */
    private static final String LEVELS = """
            SELECT l.location_id, l.item,
                   SUM(l.on_hand)::bigint,
                   SUM(l.reserved)::bigint,
                   COALESCE(SUM(l.on_hand - l.reserved) FILTER (WHERE l.expires_on IS NULL OR l.expires_on >= ?2), 0)::bigint,
                   COALESCE(SUM(l.on_hand) FILTER (WHERE l.expires_on < ?2), 0)::bigint,
                   MIN(l.expires_on) FILTER (WHERE l.on_hand > 0),
                   MAX(m.minimum),
                   BOOL_OR(COALESCE(m.low, FALSE))
            FROM stock_lots l
            JOIN stock_locations s ON s.id = l.location_id
            LEFT JOIN stock_minimums m ON m.location_id = l.location_id AND m.item = l.item
            WHERE s.hub_id = ?1 %s
            GROUP BY l.location_id, l.item
            ORDER BY l.location_id, l.item
            LIMIT ?3""";
    private static final String AFTER = "AND (l.location_id, l.item) > (?4, ?5)";
    private static final String AVAILABLE = "SELECT COALESCE(SUM(on_hand - reserved), 0)::bigint FROM stock_lots "
            + "WHERE location_id = ?1 AND item = ?2 AND (expires_on IS NULL OR expires_on >= ?3)";

    /** The lots of these items at these locations, locked. */
    public Uni<List<StockLotEntity>> lockForUpdate(Collection<UUID> locationIds, Collection<String> items) {
        if (locationIds.isEmpty() || items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return StockLotEntity.<StockLotEntity>find("locationId in ?1 and item in ?2 order by id", locationIds, items)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<StockLotEntity>> lockByIds(Collection<UUID> lotIds) {
        if (lotIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return StockLotEntity.<StockLotEntity>find("id in ?1 order by id", lotIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** What may still be promised of one item at one location: on hand − reserved of the lots not past their date. */
    public Uni<Long> available(LocationItem pair, LocalDate today) {
        return Panache.getSession().chain(session -> session.createNativeQuery(AVAILABLE, Long.class)
                .setParameter(1, pair.locationId()).setParameter(2, pair.item()).setParameter(3, today)
                .getSingleResult());
    }

    /** A hub's stock per location and item, in (location, item) order after {@code after} (null: from the start). */
    public Uni<List<StockLevel>> levelsInHub(UUID hubId, LocalDate today, LocationItem after, int limit) {
        String sql = LEVELS.formatted(after == null ? "" : AFTER);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter(1, hubId).setParameter(2, today).setParameter(3, limit);
            if (after != null) {
                query.setParameter(4, after.locationId()).setParameter(5, after.item());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(StockLots::level).toList());
    }

    private static StockLevel level(Object[] row) {
        Object expiry = row[6];
        LocalDate earliest = expiry == null ? null : expiry instanceof LocalDate d ? d : ((java.sql.Date) expiry).toLocalDate();
        return new StockLevel((UUID) row[0], (String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue(), ((Number) row[5]).longValue(), earliest,
                row[7] == null ? null : ((Number) row[7]).intValue(), Boolean.TRUE.equals(row[8]));
    }
}
