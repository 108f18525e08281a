package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Moving free stock (not reserved, not expired) from one location to another, first-expiring first; the new lots
 * keep expiry, lot code and receipt time. One transaction, like {@link StockLedger}: a refused transfer moves
 * nothing. Published as two StockAdjusted per item, out of one location and into the other.
 */
@ApplicationScoped
public class StockTransfers {
    public static final String TRANSFER_OUT = "transfer-out";
    public static final String TRANSFER_IN = "transfer-in";

    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;
    @Inject
    LowStockWatch lowStock;
    @Inject
    StockLots stockLots;

    /** What was moved, per item (lines of one item merged), in the order asked. */
    public Uni<Map<String, Integer>> transfer(UUID fromId, UUID toId, List<ItemQuantity> lines, Actor actor) {
        if (fromId.equals(toId)) {
            return Uni.createFrom().failure(ApiProblem.badField("toLocationId", "must be another location"));
        }
        LocalDate today = StockLedger.today();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        lines.forEach(l -> wanted.merge(l.item().slug(), l.quantity(), Integer::sum));
        return Panache.withTransaction(() -> Locations.require(fromId).chain(from -> {
            actor.requireCoordinatorOf(from.hubId);
            return StockLocationEntity.<StockLocationEntity>findById(toId).chain(to -> {
                if (to == null) {
                    throw ApiProblem.badField("toLocationId", "no such location");
                }
                actor.requireCoordinatorOf(to.hubId);
                return stockLots.lockForUpdate(List.of(fromId), wanted.keySet()).chain(lots -> {
                    List<StockLotEntity> created = new ArrayList<>();
                    wanted.forEach((item, quantity) -> created.addAll(moveOut(lots, item, quantity, to.id, today)));
                    Instant now = Instant.now();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (StockLotEntity lot : created) {
                        chain = chain.chain(() -> lot.persist()).replaceWithVoid();
                    }
                    Set<LocationItem> touched = new HashSet<>();
                    for (var w : wanted.entrySet()) {
                        ItemSlug slug = ItemSlug.fromSlug(w.getKey());
                        touched.add(new LocationItem(fromId, w.getKey()));
                        touched.add(new LocationItem(to.id, w.getKey()));
                        chain = chain
                                .chain(() -> outbox.append(new StockAdjusted(fromId, from.hubId, slug, -w.getValue(), TRANSFER_OUT, now)))
                                .chain(() -> outbox.append(new StockAdjusted(to.id, to.hubId, slug, w.getValue(), TRANSFER_IN, now)))
                                .replaceWithVoid();
                    }
                    return chain
                            .chain(() -> audit.record(from.hubId, actor.auditName(), "stock-transferred", fromId.toString(),
                                    "to location " + to.id))
                            .chain(() -> lowStock.check(touched))
                            .replaceWith(wanted);
                });
            });
        }));
    }

    /** Takes {@code quantity} free units of one item off the locked lots, first-expiring first; the lots they become. */
    private static List<StockLotEntity> moveOut(List<StockLotEntity> lots, String item, int quantity, UUID toId,
                                                LocalDate today) {
        List<StockLotEntity> candidates = lots.stream()
                .filter(l -> l.item.equals(item) && l.availableOn(today) > 0)
                .sorted(Allocator.FEFO).toList();
        int free = candidates.stream().mapToInt(l -> l.availableOn(today)).sum();
        if (free < quantity) {
            throw ApiProblem.conflict("not-enough-stock", "only " + free + " " + item
                    + " free at this location; the rest is reserved, expired or not there");
        }
        List<StockLotEntity> moved = new ArrayList<>();
        int left = quantity;
        for (StockLotEntity lot : candidates) {
            int q = Math.min(left, lot.availableOn(today));
            if (q == 0) {
                break;
            }
            lot.onHand -= q;
            moved.add(StockLedger.newLot(toId, ItemSlug.fromSlug(item), q, lot.expiresOn, lot.lotCode, null, lot.receivedAt));
            left -= q;
        }
        return moved;
    }
}
