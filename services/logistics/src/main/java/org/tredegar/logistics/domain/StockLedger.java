package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.api.AdjustmentView;
import org.tredegar.logistics.api.NewAdjustment;
import org.tredegar.logistics.api.NewReceipt;
import org.tredegar.logistics.api.NewTransfer;
import org.tredegar.logistics.api.ReceiptView;
import org.tredegar.logistics.api.TransferView;
import org.tredegar.logistics.persistence.ReceiptEntity;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Receipts, adjustments and transfers. Each is one transaction: the lots, the events, the audit entry and the
 * LowStock check commit together, and a refused request writes nothing.
 */
@ApplicationScoped
public class StockLedger {
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;
    @Inject
    LowStockWatch lowStock;
    @Inject
    Reservations reservations;

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public Uni<ReceiptView> receive(UUID locationId, NewReceipt body, Caller caller) {
        LocalDate today = today();
        for (int i = 0; i < body.lines().size(); i++) {
            NewReceipt.Line line = body.lines().get(i);
            checkExpiry("lines[" + i + "].expiresOn", line.item(), line.expiresOn(), today);
        }
        return Panache.withTransaction(() -> Locations.require(locationId).chain(location -> {
            caller.requireCoordinatorOf(location.hubId);
            Instant now = Instant.now();
            ReceiptEntity receipt = new ReceiptEntity();
            receipt.id = UUID.randomUUID();
            receipt.locationId = locationId;
            receipt.donor = body.donor() == null || body.donor().isBlank() ? null : body.donor().strip();
            receipt.receivedBy = caller.actor();
            receipt.receivedAt = now;
            List<StockLotEntity> lots = body.lines().stream().map(line -> newLot(locationId, line.item(), line.quantity(),
                    line.expiresOn(), line.lotCode(), receipt.id, now)).toList();
            Set<LocationItem> touched = new HashSet<>();
            lots.forEach(lot -> touched.add(new LocationItem(locationId, lot.item)));

            Uni<Void> chain = receipt.persist().replaceWithVoid();
            for (StockLotEntity lot : lots) {
                chain = chain.chain(() -> lot.persist()).chain(() -> outbox.append(new StockReceived(locationId,
                        location.hubId, ItemSlug.fromSlug(lot.item), lot.onHand, lot.expiresOn, now))).replaceWithVoid();
            }
            return chain
                    .chain(() -> audit.record(location.hubId, caller.actor(), "stock-received", receipt.id.toString(),
                            lots.size() + " lot(s) at location " + locationId))
                    // New stock may be what a waiting request was missing.
                    .chain(() -> reservations.retryWaiting(location.hubId, touched))
                    .chain(() -> lowStock.check(touched))
                    .map(ignored -> new ReceiptView(receipt.id, locationId, lots.stream()
                            .map(l -> new ReceiptView.LotView(l.id, l.item, l.onHand, l.expiresOn, l.lotCode)).toList()));
        }));
    }

    public Uni<AdjustmentView> adjust(UUID locationId, NewAdjustment body, Caller caller) {
        if (body.delta() == 0) {
            return Uni.createFrom().failure(ApiProblem.badField("delta", "must not be 0"));
        }
        LocalDate today = today();
        String item = body.item().slug();
        if (body.delta() > 0 && body.lotId() == null) {
            checkExpiry("expiresOn", body.item(), body.expiresOn(), today);
        }
        return Panache.withTransaction(() -> Locations.require(locationId).chain(location -> {
            caller.requireCoordinatorOf(location.hubId);
            Uni<List<StockLotEntity>> locked = body.lotId() != null ? StockLots.lockByIds(List.of(body.lotId()))
                    : StockLots.lockForUpdate(List.of(locationId), List.of(item));
            return locked.chain(lots -> {
                if (body.lotId() != null && (lots.isEmpty() || !lots.get(0).locationId.equals(locationId)
                        || !lots.get(0).item.equals(item))) {
                    throw ApiProblem.badField("lotId", "is not a lot of " + item + " at this location");
                }
                Uni<Void> change;
                if (body.delta() > 0) {
                    if (body.lotId() != null) {
                        lots.get(0).onHand += body.delta();
                        change = Uni.createFrom().voidItem();
                    } else {
                        change = newLot(locationId, body.item(), body.delta(), body.expiresOn(), null, null, Instant.now())
                                .persist().replaceWithVoid();
                    }
                } else {
                    removeFree(lots, -body.delta(), today, item);
                    change = Uni.createFrom().voidItem();
                }
                return change
                        .chain(() -> outbox.append(new StockAdjusted(locationId, location.hubId, body.item(), body.delta(),
                                body.reason().strip(), Instant.now())))
                        .chain(() -> audit.record(location.hubId, caller.actor(), "stock-adjusted", locationId.toString(),
                                item + " " + body.delta()))
                        .chain(() -> lowStock.check(Set.of(new LocationItem(locationId, item))))
                        .map(ignored -> new AdjustmentView(locationId, item, body.delta(), body.reason().strip()));
            });
        }));
    }

    public Uni<TransferView> transfer(UUID fromId, NewTransfer body, Caller caller) {
        if (fromId.equals(body.toLocationId())) {
            return Uni.createFrom().failure(ApiProblem.badField("toLocationId", "must be another location"));
        }
        LocalDate today = today();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        body.lines().forEach(l -> wanted.merge(l.item().slug(), l.quantity(), Integer::sum));
        return Panache.withTransaction(() -> Locations.require(fromId).chain(from -> {
            caller.requireCoordinatorOf(from.hubId);
            return StockLocationEntity.<StockLocationEntity>findById(body.toLocationId()).chain(to -> {
                if (to == null) {
                    throw ApiProblem.badField("toLocationId", "no such location");
                }
                caller.requireCoordinatorOf(to.hubId);
                return StockLots.lockForUpdate(List.of(fromId), wanted.keySet()).chain(lots -> {
                    List<StockLotEntity> created = new ArrayList<>();
                    wanted.forEach((item, quantity) -> {
                        List<StockLotEntity> candidates = lots.stream()
                                .filter(l -> l.item.equals(item) && l.availableOn(today) > 0)
                                .sorted(Allocator.FEFO).toList();
                        int free = candidates.stream().mapToInt(l -> l.availableOn(today)).sum();
                        if (free < quantity) {
                            throw ApiProblem.conflict("not-enough-stock", "only " + free + " " + item
                                    + " free at this location; the rest is reserved, expired or not there");
                        }
                        int left = quantity;
                        for (StockLotEntity lot : candidates) {
                            int q = Math.min(left, lot.availableOn(today));
                            if (q == 0) {
                                break;
                            }
                            lot.onHand -= q;
                            StockLotEntity moved = newLot(to.id, ItemSlug.fromSlug(item), q, lot.expiresOn, lot.lotCode,
                                    null, lot.receivedAt);
                            created.add(moved);
                            left -= q;
                        }
                    });
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
                                .chain(() -> outbox.append(new StockAdjusted(fromId, from.hubId, slug, -w.getValue(), "transfer-out", now)))
                                .chain(() -> outbox.append(new StockAdjusted(to.id, to.hubId, slug, w.getValue(), "transfer-in", now)))
                                .replaceWithVoid();
                    }
                    return chain
                            .chain(() -> audit.record(from.hubId, caller.actor(), "stock-transferred", fromId.toString(),
                                    "to location " + to.id))
                            .chain(() -> lowStock.check(touched))
                            .map(ignored -> new TransferView(fromId, to.id, wanted.entrySet().stream()
                                    .map(w -> new TransferView.Moved(w.getKey(), w.getValue())).toList()));
                });
            });
        }));
    }

    public Uni<Void> setMinimum(UUID locationId, ItemSlug item, int minimum, Caller caller) {
        return Panache.withTransaction(() -> Locations.require(locationId).chain(location -> {
            caller.requireCoordinatorOf(location.hubId);
            return Panache.getSession().chain(s -> s.createNativeQuery(
                            "INSERT INTO stock_minimums (location_id, item, minimum, low) VALUES (?1, ?2, ?3, FALSE) "
                                    + "ON CONFLICT (location_id, item) DO UPDATE SET minimum = EXCLUDED.minimum")
                    .setParameter(1, locationId).setParameter(2, item.slug()).setParameter(3, minimum).executeUpdate())
                    .chain(() -> audit.record(location.hubId, caller.actor(), "minimum-set", locationId.toString(),
                            item.slug() + " " + minimum))
                    .chain(() -> lowStock.check(Set.of(new LocationItem(locationId, item.slug()))));
        }));
    }

    /** Takes free units (never reserved ones): expired lots first, since that is usually why stock is written off. */
    private static void removeFree(List<StockLotEntity> lots, int quantity, LocalDate today, String item) {
        List<StockLotEntity> order = lots.stream()
                .sorted(Comparator.comparing((StockLotEntity l) -> !l.isExpiredOn(today)).thenComparing(Allocator.FEFO))
                .toList();
        int free = order.stream().mapToInt(l -> l.onHand - l.reserved).sum();
        if (free < quantity) {
            throw ApiProblem.conflict("stock-below-reserved", "only " + free + " " + item
                    + " can be taken off here; the rest is reserved for requests or not there");
        }
        int left = quantity;
        for (StockLotEntity lot : order) {
            int q = Math.min(left, lot.onHand - lot.reserved);
            lot.onHand -= q;
            left -= q;
            if (left == 0) {
                break;
            }
        }
    }

    static void checkExpiry(String field, ItemSlug item, LocalDate expiresOn, LocalDate today) {
        boolean expires = ItemCatalogue.of(item).expires();
        if (expires && expiresOn == null) {
            throw ApiProblem.badField(field, "is required: " + item.slug() + " goes out of date");
        }
        if (expires && expiresOn.isBefore(today)) {
            throw ApiProblem.badField(field, "is in the past: expired goods are not taken into stock");
        }
        if (!expires && expiresOn != null) {
            throw ApiProblem.badField(field, item.slug() + " does not go out of date; leave it out");
        }
    }

    static StockLotEntity newLot(UUID locationId, ItemSlug item, int quantity, LocalDate expiresOn, String lotCode,
                                 UUID receiptId, Instant receivedAt) {
        StockLotEntity lot = new StockLotEntity();
        lot.id = UUID.randomUUID();
        lot.locationId = locationId;
        lot.item = item.slug();
        lot.onHand = quantity;
        lot.reserved = 0;
        lot.expiresOn = expiresOn;
        lot.lotCode = lotCode == null || lotCode.isBlank() ? null : lotCode.strip();
        lot.receiptId = receiptId;
        lot.receivedAt = receivedAt;
        return lot;
    }
}
