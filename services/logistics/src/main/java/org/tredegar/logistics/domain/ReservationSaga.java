package org.tredegar.logistics.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.logistics.persistence.ItemListJson;
import org.tredegar.logistics.persistence.ReservationEntity;
import org.tredegar.logistics.persistence.ReservationLineEntity;
import org.tredegar.logistics.persistence.ReservationLines;
import org.tredegar.logistics.persistence.Reservations;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLocations;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reservation saga, step by step. Every method runs inside the caller's transaction (the inbox's, for
 * events), so the saga state, the stock and the published events change together or not at all.
 */
@ApplicationScoped
public class ReservationSaga {
    /** ReservationReleased reasons: the request was cancelled, or closed, before its goods were delivered. */
    public static final String REQUEST_CANCELLED = "request-cancelled";
    public static final String REQUEST_CLOSED = "request-closed";

    @Inject
    OutboxWriter outbox;
    @Inject
    LowStockWatch lowStock;
    @Inject
    DeliveryScheduling deliveries;
    @Inject
    Reservations reservations;
    @Inject
    ReservationLines reservationLines;
    @Inject
    StockLocations locations;
    @Inject
    StockLots stockLots;

    @ConfigProperty(name = "tredegar.logistics.retry-batch", defaultValue = "50")
    int retryBatch;

    /** RequestSubmitted with items: reserve them, or say what is missing. A request without items needs nothing. */
    public Uni<Void> onRequestSubmitted(RequestSubmitted event) {
        if (event.items().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return reservations.ofRequest(event.requestId()).chain(existing -> {
            if (existing != null && existing.status != ReservationStatus.AWAITING_REQUEST) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            ReservationEntity r = existing != null ? existing : new ReservationEntity();
            if (existing == null) {
                r.id = UUID.randomUUID();
                r.requestId = event.requestId();
                r.createdAt = now;
            }
            r.hubId = event.hubId();
            r.needed = ItemListJson.write(event.items());
            r.missing = ItemListJson.NONE;
            r.destLat = event.location() == null ? null : event.location().lat();
            r.destLon = event.location() == null ? null : event.location().lon();
            r.area = event.area();
            r.windowFrom = event.window() == null ? null : event.window().from();
            r.windowTo = event.window() == null ? null : event.window().to();
            r.status = ReservationStatus.FAILED;
            r.updatedAt = now;
            Set<LocationItem> touched = new HashSet<>();
            Uni<Void> saved = existing == null ? r.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            return saved.chain(() -> locations.ofHub(r.hubId))
                    .chain(hubLocations -> stockLots.lockForUpdate(ids(hubLocations), itemsOf(List.of(r)))
                            .chain(lots -> attempt(r, hubLocations, lots, touched, true)))
                    .chain(() -> lowStock.check(touched));
        });
    }

    /**
     * After new stock arrived in a hub: try the waiting (failed) reservations again, oldest first. Rows another
     * transaction is already retrying are skipped, not waited for. Lots are locked once for all of them.
     */
    public Uni<Void> retryWaiting(UUID hubId, Set<LocationItem> touched) {
        return reservations.lockWaiting(hubId, retryBatch).chain(waiting -> {
            if (waiting.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return locations.ofHub(hubId).chain(hubLocations -> stockLots.lockForUpdate(ids(hubLocations), itemsOf(waiting))
                    .chain(lots -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (ReservationEntity r : waiting) {
                            chain = chain.chain(() -> attempt(r, hubLocations, lots, touched, false));
                        }
                        return chain;
                    }));
        });
    }

    /** RequestCancelled / RequestClosed: what is still on the shelf for the request goes back to everyone. */
    public Uni<Void> release(UUID requestId, String reason) {
        return reservations.ofRequest(requestId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            r.requestOpen = false;
            r.updatedAt = Instant.now();
            if (r.status == ReservationStatus.FAILED || r.status == ReservationStatus.AWAITING_REQUEST) {
                // Nothing is held; this only stops later receipts from retrying it.
                r.status = ReservationStatus.RELEASED;
                return Uni.createFrom().voidItem();
            }
            if (r.status != ReservationStatus.RESERVED) {
                // Picked up or delivered: the goods are out; a failed trip brings them back as free stock.
                return Uni.createFrom().voidItem();
            }
            Set<LocationItem> touched = new HashSet<>();
            return reservationLines.inState(r.id, ReservationLineState.RESERVED)
                    .chain(lines -> stockLots.lockByIds(lines.stream().map(l -> l.lotId).toList()).map(lots -> {
                        Map<UUID, StockLotEntity> byId = new LinkedHashMap<>();
                        lots.forEach(l -> byId.put(l.id, l));
                        for (ReservationLineEntity line : lines) {
                            byId.get(line.lotId).reserved -= line.quantity;
                            line.state = ReservationLineState.RELEASED;
                            touched.add(new LocationItem(line.locationId, line.item));
                        }
                        return lines;
                    }))
                    .chain(() -> deliveries.cancelScheduled(r.id))
                    .chain(() -> statusFromLines(r))
                    .chain(() -> outbox.append(new ReservationReleased(r.id, r.requestId, r.hubId, reason, Instant.now())))
                    .chain(() -> lowStock.check(touched));
        });
    }

    /** OfferAccepted: a volunteer will carry it. If the stock is set aside, the trip is scheduled now, else later. */
    public Uni<Void> onOfferAccepted(OfferAccepted event) {
        return reservations.ofRequest(event.requestId()).chain(r -> {
            if (r == null) {
                // The offer overtook its request (two topics, no order between them): remember the volunteer.
                ReservationEntity early = new ReservationEntity();
                early.id = UUID.randomUUID();
                early.requestId = event.requestId();
                early.hubId = event.hubId();
                early.status = ReservationStatus.AWAITING_REQUEST;
                early.needed = ItemListJson.NONE;
                early.missing = ItemListJson.NONE;
                early.volunteerId = event.volunteerId();
                early.assignmentId = event.assignmentId();
                early.createdAt = Instant.now();
                early.updatedAt = early.createdAt;
                return early.persist().replaceWithVoid();
            }
            if (!r.requestOpen) {
                return Uni.createFrom().voidItem();
            }
            r.volunteerId = event.volunteerId();
            r.assignmentId = event.assignmentId();
            r.updatedAt = Instant.now();
            return r.status == ReservationStatus.RESERVED ? deliveries.schedule(r) : Uni.createFrom().voidItem();
        });
    }

    /** Sets the reservation's status from the states of its lines. */
    public Uni<Void> statusFromLines(ReservationEntity r) {
        return reservationLines.of(r.id).map(lines -> {
            r.status = ReservationStatus.fromLines(lines.stream().map(l -> l.state).toList());
            r.updatedAt = Instant.now();
            return null;
        });
    }

    private Uni<Void> attempt(ReservationEntity r, List<StockLocationEntity> hubLocations, List<StockLotEntity> lots,
                              Set<LocationItem> touched, boolean announceFailure) {
        LocalDate today = StockLedger.today();
        List<UUID> nearestFirst = nearestFirst(hubLocations, r.destLat, r.destLon);
        List<Allocator.Need> needs = ItemListJson.read(r.needed).stream()
                .map(n -> new Allocator.Need(n.item().slug(), n.quantity())).toList();
        Allocator.Result result = Allocator.allocate(needs, nearestFirst, lots, today);
        Instant now = Instant.now();
        r.updatedAt = now;
        if (!result.complete()) {
            r.status = ReservationStatus.FAILED;
            List<ItemQuantity> missing = result.missing().entrySet().stream()
                    .map(m -> new ItemQuantity(ItemSlug.fromSlug(m.getKey()), m.getValue())).toList();
            r.missing = ItemListJson.write(missing);
            return announceFailure
                    ? outbox.append(new ReservationFailed(r.requestId, r.hubId, missing, now)).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        }
        r.status = ReservationStatus.RESERVED;
        r.missing = ItemListJson.NONE;
        Map<LocationItem, Integer> perLocation = new LinkedHashMap<>();
        List<ReservationLineEntity> lines = new ArrayList<>();
        for (Allocator.Take take : result.takes()) {
            take.lot().reserved += take.quantity();
            ReservationLineEntity line = new ReservationLineEntity();
            line.id = UUID.randomUUID();
            line.reservationId = r.id;
            line.lotId = take.lot().id;
            line.locationId = take.lot().locationId;
            line.item = take.lot().item;
            line.quantity = take.quantity();
            line.state = ReservationLineState.RESERVED;
            lines.add(line);
            LocationItem key = new LocationItem(line.locationId, line.item);
            perLocation.merge(key, take.quantity(), Integer::sum);
            touched.add(key);
        }
        List<StockReserved.ReservedLine> reserved = perLocation.entrySet().stream()
                .map(e -> new StockReserved.ReservedLine(e.getKey().locationId(), ItemSlug.fromSlug(e.getKey().item()), e.getValue()))
                .toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReservationLineEntity line : lines) {
            chain = chain.chain(() -> line.persist()).replaceWithVoid();
        }
        chain = chain.chain(() -> outbox.append(new StockReserved(r.id, r.requestId, r.hubId, reserved, now))).replaceWithVoid();
        return r.volunteerId == null ? chain : chain.chain(() -> deliveries.schedule(r));
    }

    static List<UUID> nearestFirst(List<StockLocationEntity> locations, Double lat, Double lon) {
        Comparator<StockLocationEntity> order = lat == null || lon == null
                // No point given (an area name only): oldest location first, a stable and explainable order.
                ? Comparator.comparing((StockLocationEntity l) -> l.createdAt)
                : Comparator.comparingDouble((StockLocationEntity l) -> GeoPoint.distanceKm(lat, lon, l.lat, l.lon));
        return locations.stream().sorted(order.thenComparing(l -> l.id)).map(l -> l.id).toList();
    }

    private static List<UUID> ids(List<StockLocationEntity> locations) {
        return locations.stream().map(l -> l.id).toList();
    }

    private static Set<String> itemsOf(Collection<ReservationEntity> reservations) {
        Set<String> items = new HashSet<>();
        reservations.forEach(r -> ItemListJson.read(r.needed).forEach(n -> items.add(n.item().slug())));
        return items;
    }
}
