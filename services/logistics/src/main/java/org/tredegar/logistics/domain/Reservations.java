package org.tredegar.logistics.domain;

import org.tredegar.contracts.model.GeoPoint;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.logistics.persistence.ReservationEntity;
import org.tredegar.logistics.persistence.ReservationLineEntity;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.platform.outbox.OutboxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
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
public class Reservations {
    static final String WAITING = "SELECT id FROM reservations WHERE hub_id = ?1 AND status = 'failed' "
            + "ORDER BY created_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED";

    @Inject
    OutboxWriter outbox;
    @Inject
    LowStockWatch lowStock;
    @Inject
    Deliveries deliveries;

    @ConfigProperty(name = "tredegar.logistics.retry-batch", defaultValue = "50")
    int retryBatch;

    /** RequestSubmitted with items: reserve them, or say what is missing. A request without items needs nothing. */
    public Uni<Void> onRequestSubmitted(RequestSubmitted event) {
        if (event.items().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ReservationEntity.<ReservationEntity>find("requestId", event.requestId()).firstResult().chain(existing -> {
            if (existing != null && !ReservationEntity.AWAITING_REQUEST.equals(existing.status)) {
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
            r.needed = json(event.items());
            r.missing = "[]";
            r.destLat = event.location() == null ? null : event.location().lat();
            r.destLon = event.location() == null ? null : event.location().lon();
            r.area = event.area();
            r.windowFrom = event.window() == null ? null : event.window().from();
            r.windowTo = event.window() == null ? null : event.window().to();
            r.status = ReservationEntity.FAILED;
            r.updatedAt = now;
            Set<LocationItem> touched = new HashSet<>();
            Uni<Void> saved = existing == null ? r.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            return saved.chain(() -> hubLocations(r.hubId))
                    .chain(locations -> StockLots.lockForUpdate(ids(locations), itemsOf(List.of(r)))
                            .chain(lots -> attempt(r, locations, lots, touched, true)))
                    .chain(() -> lowStock.check(touched));
        });
    }

    /**
     * After new stock arrived in a hub: try the waiting (failed) reservations again, oldest first. Rows another
     * transaction is already retrying are skipped, not waited for. Lots are locked once for all of them.
     */
    public Uni<Void> retryWaiting(UUID hubId, Set<LocationItem> touched) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(WAITING, UUID.class).setParameter(1, hubId).setParameter(2, retryBatch)
                        .getResultList()))
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return ReservationEntity.<ReservationEntity>list("id in ?1 order by createdAt, id", ids)
                            .chain(waiting -> hubLocations(hubId).chain(locations -> StockLots.lockForUpdate(ids(locations), itemsOf(waiting))
                                    .chain(lots -> {
                                        Uni<Void> chain = Uni.createFrom().voidItem();
                                        for (ReservationEntity r : waiting) {
                                            chain = chain.chain(() -> attempt(r, locations, lots, touched, false));
                                        }
                                        return chain;
                                    })));
                });
    }

    /** RequestCancelled / RequestClosed: what is still on the shelf for the request goes back to everyone. */
    public Uni<Void> release(UUID requestId, String reason) {
        return ReservationEntity.<ReservationEntity>find("requestId", requestId).firstResult().chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            r.requestOpen = false;
            r.updatedAt = Instant.now();
            if (ReservationEntity.FAILED.equals(r.status) || ReservationEntity.AWAITING_REQUEST.equals(r.status)) {
                // Nothing is held; this only stops later receipts from retrying it.
                r.status = ReservationEntity.RELEASED;
                return Uni.createFrom().voidItem();
            }
            if (!ReservationEntity.RESERVED.equals(r.status)) {
                // Picked up or delivered: the goods are out; a failed trip brings them back as free stock.
                return Uni.createFrom().voidItem();
            }
            Set<LocationItem> touched = new HashSet<>();
            return ReservationLineEntity.<ReservationLineEntity>list("reservationId = ?1 and state = ?2 order by id",
                            r.id, ReservationLineEntity.RESERVED)
                    .chain(lines -> StockLots.lockByIds(lines.stream().map(l -> l.lotId).toList()).map(lots -> {
                        Map<UUID, StockLotEntity> byId = new LinkedHashMap<>();
                        lots.forEach(l -> byId.put(l.id, l));
                        for (ReservationLineEntity line : lines) {
                            byId.get(line.lotId).reserved -= line.quantity;
                            line.state = ReservationLineEntity.RELEASED;
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
        return ReservationEntity.<ReservationEntity>find("requestId", event.requestId()).firstResult().chain(r -> {
            if (r == null) {
                // The offer overtook its request (two topics, no order between them): remember the volunteer.
                ReservationEntity early = new ReservationEntity();
                early.id = UUID.randomUUID();
                early.requestId = event.requestId();
                early.hubId = event.hubId();
                early.status = ReservationEntity.AWAITING_REQUEST;
                early.needed = "[]";
                early.missing = "[]";
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
            return ReservationEntity.RESERVED.equals(r.status) ? deliveries.schedule(r) : Uni.createFrom().voidItem();
        });
    }

    /** Sets the reservation's status from the states of its lines. */
    public Uni<Void> statusFromLines(ReservationEntity r) {
        return ReservationLineEntity.<ReservationLineEntity>list("reservationId", r.id).map(lines -> {
            if (lines.stream().anyMatch(l -> ReservationLineEntity.RESERVED.equals(l.state))) {
                r.status = ReservationEntity.RESERVED;
            } else if (lines.stream().anyMatch(l -> ReservationLineEntity.ISSUED.equals(l.state))) {
                r.status = ReservationEntity.ISSUED;
            } else if (lines.stream().anyMatch(l -> ReservationLineEntity.DELIVERED.equals(l.state))) {
                r.status = ReservationEntity.DELIVERED;
            } else {
                r.status = ReservationEntity.RELEASED;
            }
            r.updatedAt = Instant.now();
            return null;
        });
    }

    private Uni<Void> attempt(ReservationEntity r, List<StockLocationEntity> hubLocations, List<StockLotEntity> lots,
                              Set<LocationItem> touched, boolean announceFailure) {
        LocalDate today = StockLedger.today();
        List<UUID> nearestFirst = nearestFirst(hubLocations, r.destLat, r.destLon);
        List<Allocator.Need> needs = needs(r).stream().map(n -> new Allocator.Need(n.item().slug(), n.quantity())).toList();
        Allocator.Result result = Allocator.allocate(needs, nearestFirst, lots, today);
        Instant now = Instant.now();
        r.updatedAt = now;
        if (!result.complete()) {
            r.status = ReservationEntity.FAILED;
            List<ItemQuantity> missing = result.missing().entrySet().stream()
                    .map(m -> new ItemQuantity(ItemSlug.fromSlug(m.getKey()), m.getValue())).toList();
            r.missing = json(missing);
            return announceFailure
                    ? outbox.append(new ReservationFailed(r.requestId, r.hubId, missing, now)).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        }
        r.status = ReservationEntity.RESERVED;
        r.missing = "[]";
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
            line.state = ReservationLineEntity.RESERVED;
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

    private static Uni<List<StockLocationEntity>> hubLocations(UUID hubId) {
        return StockLocationEntity.list("hubId", hubId);
    }

    private static List<UUID> ids(List<StockLocationEntity> locations) {
        return locations.stream().map(l -> l.id).toList();
    }

    private static Set<String> itemsOf(Collection<ReservationEntity> reservations) {
        Set<String> items = new HashSet<>();
        reservations.forEach(r -> needs(r).forEach(n -> items.add(n.item().slug())));
        return items;
    }

    static List<ItemQuantity> needs(ReservationEntity r) {
        try {
            return EventJson.mapper().readValue(r.needed, new TypeReference<List<ItemQuantity>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        return new String(EventJson.toBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
