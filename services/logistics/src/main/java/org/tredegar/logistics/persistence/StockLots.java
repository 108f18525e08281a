package org.tredegar.logistics.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Row locks on lots, always taken in one statement and in lot-id order: two transactions that need overlapping
 * lots queue behind each other instead of deadlocking, and whoever goes second sees what the first one left.
 */
public final class StockLots {
    private StockLots() {
    }

    public static Uni<List<StockLotEntity>> lockForUpdate(Collection<UUID> locationIds, Collection<String> items) {
        if (locationIds.isEmpty() || items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return StockLotEntity.<StockLotEntity>find("locationId in ?1 and item in ?2 order by id", locationIds, items)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public static Uni<List<StockLotEntity>> lockByIds(Collection<UUID> lotIds) {
        if (lotIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return StockLotEntity.<StockLotEntity>find("id in ?1 order by id", lotIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
