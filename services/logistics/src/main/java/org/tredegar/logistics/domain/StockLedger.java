package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.persistence.ReceiptEntity;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.logistics.persistence.StockMinimums;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Receipts, adjustments and minimums at one location (transfers between two: {@link StockTransfers}). Each is one
 * transaction: the lots, the events, the audit entry and the LowStock check commit together, and a refused request
 * writes nothing.
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
    ReservationSaga reservations;
    @Inject
    StockLots stockLots;
    @Inject
    StockMinimums minimums;

    /** One line of a donation: {@code expiresOn} for items that go out of date, an optional lot code. */
    public record ReceivedLine(ItemSlug item, int quantity, LocalDate expiresOn, String lotCode) {
    }

    /** A donation as recorded: the receipt (with the donor note) and one lot per line. */
    public record Receipt(ReceiptEntity receipt, List<StockLotEntity> lots) {
    }

    /**
     * A correction after a count, breakage or expiry. A negative delta comes from {@code lotId} if given, otherwise
     * from expired lots first, then first-expiring; it may never touch what is reserved. A positive delta goes to
     * {@code lotId} or into a new lot (with {@code expiresOn} for items that expire).
     */
    public record Adjustment(ItemSlug item, int delta, String reason, UUID lotId, LocalDate expiresOn) {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public Uni<Receipt> receive(UUID locationId, String donor, List<ReceivedLine> lines, Actor actor) {
        LocalDate today = today();
        for (int i = 0; i < lines.size(); i++) {
            ReceivedLine line = lines.get(i);
            checkExpiry("lines[" + i + "].expiresOn", line.item(), line.expiresOn(), today);
        }
        return Panache.withTransaction(() -> Locations.require(locationId).chain(location -> {
            actor.requireCoordinatorOf(location.hubId);
            Instant now = Instant.now();
            ReceiptEntity receipt = new ReceiptEntity();
            receipt.id = UUID.randomUUID();
            receipt.locationId = locationId;
            receipt.donor = donor == null || donor.isBlank() ? null : donor.strip();
            receipt.receivedBy = actor.auditName();
            receipt.receivedAt = now;
            List<StockLotEntity> lots = lines.stream().map(line -> newLot(locationId, line.item(), line.quantity(),
                    line.expiresOn(), line.lotCode(), receipt.id, now)).toList();
            Set<LocationItem> touched = new HashSet<>();
            lots.forEach(lot -> touched.add(new LocationItem(locationId, lot.item)));

            Uni<Void> chain = receipt.persist().replaceWithVoid();
            for (StockLotEntity lot : lots) {
                chain = chain.chain(() -> lot.persist()).chain(() -> outbox.append(new StockReceived(locationId,
                        location.hubId, ItemSlug.fromSlug(lot.item), lot.onHand, lot.expiresOn, now))).replaceWithVoid();
            }
            return chain
                    .chain(() -> audit.record(location.hubId, actor.auditName(), "stock-received", receipt.id.toString(),
                            lots.size() + " lot(s) at location " + locationId))
                    // New stock may be what a waiting request was missing.
                    .chain(() -> reservations.retryWaiting(location.hubId, touched))
                    .chain(() -> lowStock.check(touched))
                    .replaceWith(new Receipt(receipt, lots));
        }));
    }

    /** The adjustment as applied (its reason trimmed). */
    public Uni<Adjustment> adjust(UUID locationId, Adjustment adjustment, Actor actor) {
        if (adjustment.delta() == 0) {
            return Uni.createFrom().failure(ApiProblem.badField("delta", "must not be 0"));
        }
        LocalDate today = today();
        String item = adjustment.item().slug();
        UUID lotId = adjustment.lotId();
        if (adjustment.delta() > 0 && lotId == null) {
            checkExpiry("expiresOn", adjustment.item(), adjustment.expiresOn(), today);
        }
        Adjustment applied = new Adjustment(adjustment.item(), adjustment.delta(), adjustment.reason().strip(), lotId,
                adjustment.expiresOn());
        return Panache.withTransaction(() -> Locations.require(locationId).chain(location -> {
            actor.requireCoordinatorOf(location.hubId);
            Uni<List<StockLotEntity>> locked = lotId != null ? stockLots.lockByIds(List.of(lotId))
                    : stockLots.lockForUpdate(List.of(locationId), List.of(item));
            return locked.chain(lots -> {
                if (lotId != null && (lots.isEmpty() || !lots.get(0).locationId.equals(locationId)
                        || !lots.get(0).item.equals(item))) {
                    throw ApiProblem.badField("lotId", "is not a lot of " + item + " at this location");
                }
                Uni<Void> change = Uni.createFrom().voidItem();
                if (applied.delta() > 0 && lotId != null) {
                    lots.get(0).onHand += applied.delta();
                } else if (applied.delta() > 0) {
                    change = newLot(locationId, applied.item(), applied.delta(), applied.expiresOn(), null, null,
                            Instant.now()).persist().replaceWithVoid();
                } else {
                    removeFree(lots, -applied.delta(), today, item);
                }
                return change
                        .chain(() -> outbox.append(new StockAdjusted(locationId, location.hubId, applied.item(),
                                applied.delta(), applied.reason(), Instant.now())))
                        .chain(() -> audit.record(location.hubId, actor.auditName(), "stock-adjusted", locationId.toString(),
                                item + " " + applied.delta()))
                        .chain(() -> lowStock.check(Set.of(new LocationItem(locationId, item))))
                        .replaceWith(applied);
            });
        }));
    }

    public Uni<Void> setMinimum(UUID locationId, ItemSlug item, int minimum, Actor actor) {
        return Panache.withTransaction(() -> Locations.require(locationId).chain(location -> {
            actor.requireCoordinatorOf(location.hubId);
            LocationItem pair = new LocationItem(locationId, item.slug());
            return minimums.set(pair, minimum)
                    .chain(() -> audit.record(location.hubId, actor.auditName(), "minimum-set", locationId.toString(),
                            item.slug() + " " + minimum))
                    .chain(() -> lowStock.check(Set.of(pair)));
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
