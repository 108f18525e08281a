package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.persistence.Deliveries;
import org.tredegar.logistics.persistence.DeliveryEntity;
import org.tredegar.logistics.persistence.ReservationEntity;
import org.tredegar.logistics.persistence.ReservationLineEntity;
import org.tredegar.logistics.persistence.ReservationLines;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockLots;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * A scheduled trip, marked by its volunteer or a coordinator of the hub: picked up (stock leaves the shelf),
 * delivered (DeliveryCompleted) or failed (goods back on the shelf, still reserved while the request is open, so
 * another trip can be scheduled). Marks by a coordinator go to the hub's audit chain.
 */
@ApplicationScoped
public class DeliveryProgress {
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;
    @Inject
    LowStockWatch lowStock;
    @Inject
    ReservationSaga reservations;
    @Inject
    Deliveries deliveries;
    @Inject
    ReservationLines reservationLines;
    @Inject
    StockLots stockLots;

    /** What was actually taken of one item, when less than reserved (the rest goes back to free stock). */
    public record Taken(ItemSlug item, int quantity) {
    }

    /** {@code taken} empty: everything reserved for this trip was taken. */
    public Uni<DeliveryEntity> pickedUp(UUID deliveryId, List<Taken> taken, Actor actor) {
        return Panache.withTransaction(() -> lockAllowed(deliveryId, actor).chain(d -> {
            if (d.status != DeliveryStatus.SCHEDULED) {
                throw ApiProblem.conflict("delivery-not-scheduled", "this delivery is " + d.status.slug()
                        + ", it cannot be picked up again");
            }
            return linesAt(d, ReservationLineState.RESERVED).chain(lines -> {
                Map<String, Integer> reservedPerItem = lines.stream()
                        .collect(Collectors.groupingBy(l -> l.item, Collectors.summingInt(l -> l.quantity)));
                Map<String, Integer> taking = new HashMap<>(reservedPerItem);
                for (int i = 0; i < taken.size(); i++) {
                    Taken line = taken.get(i);
                    int reserved = reservedPerItem.getOrDefault(line.item().slug(), 0);
                    if (line.quantity() > reserved) {
                        throw ApiProblem.conflict("issue-exceeds-reservation", "lines[" + i + "]: " + line.quantity() + " "
                                + line.item().slug() + " is more than the " + reserved + " reserved for this delivery");
                    }
                    taking.put(line.item().slug(), line.quantity());
                }
                Set<LocationItem> touched = new HashSet<>();
                return lockLots(lines).chain(lots -> {
                    // A partial pickup takes the first-expiring units; the rest goes back to free stock.
                    List<ReservationLineEntity> fefo = lines.stream()
                            .sorted(Comparator.comparing((ReservationLineEntity l) -> lots.get(l.lotId), Allocator.FEFO))
                            .toList();
                    for (ReservationLineEntity line : fefo) {
                        StockLotEntity lot = lots.get(line.lotId);
                        int take = Math.min(line.quantity, taking.get(line.item));
                        taking.merge(line.item, -take, Integer::sum);
                        lot.reserved -= line.quantity;
                        lot.onHand -= take;
                        if (take == 0) {
                            line.state = ReservationLineState.RELEASED;
                        } else {
                            line.quantity = take;
                            line.state = ReservationLineState.ISSUED;
                        }
                        touched.add(new LocationItem(line.locationId, line.item));
                    }
                    d.status = DeliveryStatus.PICKED_UP;
                    d.pickedUpAt = Instant.now();
                    return reservationOf(d).chain(reservations::statusFromLines)
                            .chain(() -> auditIfCoordinator(d, actor, "delivery-picked-up"))
                            .chain(() -> lowStock.check(touched))
                            .replaceWith(d);
                });
            });
        }));
    }

    public Uni<DeliveryEntity> delivered(UUID deliveryId, Actor actor) {
        return Panache.withTransaction(() -> lockAllowed(deliveryId, actor).chain(d -> {
            if (d.status != DeliveryStatus.PICKED_UP) {
                throw ApiProblem.conflict("delivery-not-picked-up", "this delivery is " + d.status.slug()
                        + "; only a picked-up delivery can be delivered");
            }
            return linesAt(d, ReservationLineState.ISSUED).chain(lines -> {
                lines.forEach(l -> l.state = ReservationLineState.DELIVERED);
                d.status = DeliveryStatus.DELIVERED;
                d.finishedAt = Instant.now();
                return reservationOf(d).chain(reservations::statusFromLines)
                        .chain(() -> outbox.append(new DeliveryCompleted(d.id, d.requestId, d.hubId, d.finishedAt)))
                        .chain(() -> auditIfCoordinator(d, actor, "delivery-completed"))
                        .replaceWith(d);
            });
        }));
    }

    /**
     * The trip did not happen. Goods already picked up go back on the shelf: still reserved while the request is
     * open (another volunteer can be sent), free stock once it was cancelled or closed in the meantime.
     */
    public Uni<DeliveryEntity> failed(UUID deliveryId, String reason, Actor actor) {
        return Panache.withTransaction(() -> lockAllowed(deliveryId, actor).chain(d -> {
            boolean pickedUp = d.status == DeliveryStatus.PICKED_UP;
            if (!pickedUp && d.status != DeliveryStatus.SCHEDULED) {
                throw ApiProblem.conflict("delivery-finished", "this delivery is already " + d.status.slug());
            }
            Instant now = Instant.now();
            d.status = DeliveryStatus.FAILED;
            d.failureReason = reason.strip();
            d.finishedAt = now;
            return reservationOf(d).chain(r -> linesAt(d, pickedUp ? ReservationLineState.ISSUED : ReservationLineState.RESERVED)
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
                                line.state = ReservationLineState.RESERVED;
                            } else {
                                if (!pickedUp) {
                                    lot.reserved -= line.quantity;
                                }
                                line.state = ReservationLineState.RELEASED;
                            }
                            touched.add(new LocationItem(line.locationId, line.item));
                        }
                        Uni<Void> released = r.requestOpen ? Uni.createFrom().voidItem()
                                : outbox.append(new ReservationReleased(r.id, r.requestId, r.hubId,
                                        ReservationSaga.REQUEST_CLOSED, now)).replaceWithVoid();
                        return reservations.statusFromLines(r)
                                .chain(() -> released)
                                .chain(() -> outbox.append(new DeliveryFailed(d.id, d.requestId, d.hubId, d.failureReason, now)))
                                .chain(() -> auditIfCoordinator(d, actor, "delivery-failed"))
                                .chain(() -> lowStock.check(touched))
                                .replaceWith(d);
                    })));
        }));
    }

    public Uni<DeliveryEntity> get(UUID deliveryId, Actor actor) {
        return Panache.withSession(() -> deliveries.find(deliveryId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("delivery " + deliveryId))
                .invoke(d -> requireAllowed(d, actor)));
    }

    /** Locked, so a double tap on "picked up" waits for the first and then gets a 409, not a second issue. */
    private Uni<DeliveryEntity> lockAllowed(UUID deliveryId, Actor actor) {
        return deliveries.lock(deliveryId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("delivery " + deliveryId))
                .invoke(d -> requireAllowed(d, actor));
    }

    private static void requireAllowed(DeliveryEntity d, Actor actor) {
        if (!actor.isVolunteer(d.volunteerId) && !actor.coordinates(d.hubId)) {
            throw ApiProblem.forbidden("only the assigned volunteer or a coordinator of the hub may do this");
        }
    }

    private Uni<Void> auditIfCoordinator(DeliveryEntity d, Actor actor, String action) {
        return actor.isVolunteer(d.volunteerId) ? Uni.createFrom().voidItem()
                : audit.record(d.hubId, actor.auditName(), action, d.id.toString(), "request " + d.requestId).replaceWithVoid();
    }

    private static Uni<ReservationEntity> reservationOf(DeliveryEntity d) {
        return ReservationEntity.findById(d.reservationId);
    }

    private Uni<List<ReservationLineEntity>> linesAt(DeliveryEntity d, ReservationLineState state) {
        return reservationLines.inStateAt(d.reservationId, d.pickupLocationId, state);
    }

    private Uni<Map<UUID, StockLotEntity>> lockLots(List<ReservationLineEntity> lines) {
        List<UUID> ids = new ArrayList<>(new TreeSet<>(lines.stream().map(l -> l.lotId).toList()));
        return stockLots.lockByIds(ids).map(lots -> lots.stream().collect(Collectors.toMap(l -> l.id, Function.identity())));
    }
}
