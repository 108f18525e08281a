package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.logistics.api.DeliveryView;
import org.tredegar.logistics.api.PickupReport;
import org.tredegar.logistics.persistence.DeliveryEntity;
import org.tredegar.logistics.persistence.ReservationEntity;
import org.tredegar.logistics.persistence.ReservationLineEntity;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trips from a pickup location to a request's area: scheduled when a volunteer accepted and the stock is set
 * aside; picked up (stock leaves the shelf), delivered (DeliveryCompleted) or failed (goods back on the shelf,
 * still reserved while the request is open, so another trip can be scheduled).
 */
@ApplicationScoped
public class Deliveries {
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;
    @Inject
    LowStockWatch lowStock;
    @Inject
    Reservations reservations;

    /** Without a window from the request, the trip is due within this time of the volunteer accepting. */
    @ConfigProperty(name = "tredegar.logistics.default-window", defaultValue = "PT4H")
    Duration defaultWindow;

    /** One trip per pickup location still holding reserved lines; an earlier volunteer's unstarted trips end. */
    public Uni<Void> schedule(ReservationEntity r) {
        return cancelScheduled(r.id)
                .chain(() -> ReservationLineEntity.<ReservationLineEntity>list("reservationId = ?1 and state = ?2",
                        r.id, ReservationLineEntity.RESERVED))
                .chain(lines -> {
                    Instant now = Instant.now();
                    Instant from = r.windowTo != null && r.windowTo.isAfter(now) ? r.windowFrom : now;
                    Instant to = r.windowTo != null && r.windowTo.isAfter(now) ? r.windowTo : now.plus(defaultWindow);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID location : new TreeSet<>(lines.stream().map(l -> l.locationId).toList())) {
                        DeliveryEntity d = new DeliveryEntity();
                        d.id = UUID.randomUUID();
                        d.reservationId = r.id;
                        d.requestId = r.requestId;
                        d.hubId = r.hubId;
                        d.pickupLocationId = location;
                        d.volunteerId = r.volunteerId;
                        d.assignmentId = r.assignmentId;
                        d.status = DeliveryEntity.SCHEDULED;
                        d.destLat = r.destLat;
                        d.destLon = r.destLon;
                        d.area = r.area;
                        d.windowFrom = from;
                        d.windowTo = to;
                        d.createdAt = now;
                        chain = chain.chain(() -> d.persist())
                                .chain(() -> outbox.append(new DeliveryScheduled(d.id, d.requestId, d.hubId, location,
                                        d.volunteerId, new TimeWindow(from, to), now)))
                                .replaceWithVoid();
                    }
                    return chain;
                });
    }

    public Uni<Void> cancelScheduled(UUID reservationId) {
        return DeliveryEntity.<DeliveryEntity>list("reservationId = ?1 and status = ?2", reservationId, DeliveryEntity.SCHEDULED)
                .map(open -> {
                    open.forEach(d -> {
                        d.status = DeliveryEntity.CANCELLED;
                        d.finishedAt = Instant.now();
                    });
                    return null;
                });
    }

    public Uni<DeliveryView> pickedUp(UUID deliveryId, PickupReport report, Caller caller) {
        return Panache.withTransaction(() -> lockAllowed(deliveryId, caller).chain(d -> {
            if (!DeliveryEntity.SCHEDULED.equals(d.status)) {
                throw ApiProblem.conflict("delivery-not-scheduled", "this delivery is " + d.status + ", it cannot be picked up again");
            }
            return linesAt(d, ReservationLineEntity.RESERVED).chain(lines -> {
                Map<String, Integer> reservedPerItem = lines.stream()
                        .collect(Collectors.groupingBy(l -> l.item, Collectors.summingInt(l -> l.quantity)));
                Map<String, Integer> taking = new HashMap<>(reservedPerItem);
                if (report != null && report.lines() != null) {
                    for (int i = 0; i < report.lines().size(); i++) {
                        PickupReport.Line line = report.lines().get(i);
                        int reserved = reservedPerItem.getOrDefault(line.item().slug(), 0);
                        if (line.quantity() > reserved) {
                            throw ApiProblem.conflict("issue-exceeds-reservation", "lines[" + i + "]: " + line.quantity() + " "
                                    + line.item().slug() + " is more than the " + reserved + " reserved for this delivery");
                        }
                        taking.put(line.item().slug(), line.quantity());
                    }
                }
                Set<LocationItem> touched = new HashSet<>();
                return lockLots(lines).chain(lots -> {
                    // A partial pickup takes the first-expiring units; the rest goes back to free stock.
                    List<ReservationLineEntity> fefo = lines.stream()
                            .sorted(java.util.Comparator.comparing((ReservationLineEntity l) -> lots.get(l.lotId), Allocator.FEFO))
                            .toList();
                    for (ReservationLineEntity line : fefo) {
                        StockLotEntity lot = lots.get(line.lotId);
                        int take = Math.min(line.quantity, taking.get(line.item));
                        taking.merge(line.item, -take, Integer::sum);
                        lot.reserved -= line.quantity;
                        lot.onHand -= take;
                        if (take == 0) {
                            line.state = ReservationLineEntity.RELEASED;
                        } else {
                            line.quantity = take;
                            line.state = ReservationLineEntity.ISSUED;
                        }
                        touched.add(new LocationItem(line.locationId, line.item));
                    }
                    d.status = DeliveryEntity.PICKED_UP;
                    d.pickedUpAt = Instant.now();
                    return reservationOf(d).chain(reservations::statusFromLines)
                            .chain(() -> auditIfCoordinator(d, caller, "delivery-picked-up"))
                            .chain(() -> lowStock.check(touched))
                            .map(ignored -> DeliveryView.of(d));
                });
            });
        }));
    }

    public Uni<DeliveryView> delivered(UUID deliveryId, Caller caller) {
        return Panache.withTransaction(() -> lockAllowed(deliveryId, caller).chain(d -> {
            if (!DeliveryEntity.PICKED_UP.equals(d.status)) {
                throw ApiProblem.conflict("delivery-not-picked-up", "this delivery is " + d.status
                        + "; only a picked-up delivery can be delivered");
            }
            return linesAt(d, ReservationLineEntity.ISSUED).chain(lines -> {
                lines.forEach(l -> l.state = ReservationLineEntity.DELIVERED);
                d.status = DeliveryEntity.DELIVERED;
                d.finishedAt = Instant.now();
                return reservationOf(d).chain(reservations::statusFromLines)
                        .chain(() -> outbox.append(new DeliveryCompleted(d.id, d.requestId, d.hubId, d.finishedAt)))
                        .chain(() -> auditIfCoordinator(d, caller, "delivery-completed"))
                        .map(ignored -> DeliveryView.of(d));
            });
        }));
    }

    /**
     * The trip did not happen. Goods already picked up go back on the shelf: still reserved while the request is
     * open (another volunteer can be sent), free stock once it was cancelled or closed in the meantime.
     */
    public Uni<DeliveryView> failed(UUID deliveryId, String reason, Caller caller) {
        return Panache.withTransaction(() -> lockAllowed(deliveryId, caller).chain(d -> {
            boolean pickedUp = DeliveryEntity.PICKED_UP.equals(d.status);
            if (!pickedUp && !DeliveryEntity.SCHEDULED.equals(d.status)) {
                throw ApiProblem.conflict("delivery-finished", "this delivery is already " + d.status);
            }
            Instant now = Instant.now();
            d.status = DeliveryEntity.FAILED;
            d.failureReason = reason.strip();
            d.finishedAt = now;
            return reservationOf(d).chain(r -> linesAt(d, pickedUp ? ReservationLineEntity.ISSUED : ReservationLineEntity.RESERVED)
                    .chain(lines -> lockLots(lines).chain(lots -> {
                        Set<LocationItem> touched = new HashSet<>();
                        for (ReservationLineEntity line : lines) {
                            StockLotEntity lot = lots.get(line.lotId);
                            if (pickedUp) {
                                lot.onHand += line.quantity;
                            }
                            if (r.requestOpen) {
                                if (pickedUp) {
                                    lot.reserved += line.quantity;
                                }
                                line.state = ReservationLineEntity.RESERVED;
                            } else {
                                if (!pickedUp) {
                                    lot.reserved -= line.quantity;
                                }
                                line.state = ReservationLineEntity.RELEASED;
                            }
                            touched.add(new LocationItem(line.locationId, line.item));
                        }
                        Uni<Void> released = r.requestOpen ? Uni.createFrom().voidItem()
                                : outbox.append(new ReservationReleased(r.id, r.requestId, r.hubId, "request-closed", now)).replaceWithVoid();
                        return reservations.statusFromLines(r)
                                .chain(() -> released)
                                .chain(() -> outbox.append(new DeliveryFailed(d.id, d.requestId, d.hubId, d.failureReason, now)))
                                .chain(() -> auditIfCoordinator(d, caller, "delivery-failed"))
                                .chain(() -> lowStock.check(touched))
                                .map(ignored -> DeliveryView.of(d));
                    })));
        }));
    }

    public Uni<DeliveryView> get(UUID deliveryId, Caller caller) {
        return Panache.withSession(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("delivery " + deliveryId))
                .map(d -> {
                    requireAllowed(d, caller);
                    return DeliveryView.of(d);
                }));
    }

    /** Locked, so a double tap on "picked up" waits for the first and then gets a 409, not a second issue. */
    private static Uni<DeliveryEntity> lockAllowed(UUID deliveryId, Caller caller) {
        return DeliveryEntity.<DeliveryEntity>findById(deliveryId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("delivery " + deliveryId))
                .invoke(d -> requireAllowed(d, caller));
    }

    private static void requireAllowed(DeliveryEntity d, Caller caller) {
        boolean assigned = caller.volunteerId().map(d.volunteerId::equals).orElse(false);
        if (!assigned && !caller.coordinates(d.hubId)) {
            throw ApiProblem.forbidden("only the assigned volunteer or a coordinator of the hub may do this");
        }
    }

    private Uni<Void> auditIfCoordinator(DeliveryEntity d, Caller caller, String action) {
        boolean assigned = caller.volunteerId().map(d.volunteerId::equals).orElse(false);
        return assigned ? Uni.createFrom().voidItem()
                : audit.record(d.hubId, caller.actor(), action, d.id.toString(), "request " + d.requestId).replaceWithVoid();
    }

    private static Uni<ReservationEntity> reservationOf(DeliveryEntity d) {
        return ReservationEntity.findById(d.reservationId);
    }

    private static Uni<List<ReservationLineEntity>> linesAt(DeliveryEntity d, String state) {
        return ReservationLineEntity.list("reservationId = ?1 and locationId = ?2 and state = ?3 order by id",
                d.reservationId, d.pickupLocationId, state);
    }

    private static Uni<Map<UUID, StockLotEntity>> lockLots(List<ReservationLineEntity> lines) {
        List<UUID> ids = new ArrayList<>(new TreeSet<>(lines.stream().map(l -> l.lotId).toList()));
        return StockLots.lockByIds(ids).map(lots -> lots.stream().collect(Collectors.toMap(l -> l.id, Function.identity())));
    }
}
