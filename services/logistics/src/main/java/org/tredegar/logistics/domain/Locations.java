package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLocations;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hub's stock locations. */
@ApplicationScoped
public class Locations {
    @Inject
    AuditTrail audit;
    @Inject
    StockLocations locations;

    /** A new location: a place, not a person (a volunteer's garage is named by street or area, not by owner). */
    public record Details(String name, LocationKind kind, double lat, double lon, String openingHours) {
    }

    /** Where a page of a hub's locations goes on: after the location with this (name, id), in that order. */
    public record After(String name, UUID id) {
    }

    public Uni<StockLocationEntity> create(UUID hubId, Details details, Actor actor) {
        StockLocationEntity e = new StockLocationEntity();
        e.id = UUID.randomUUID();
        e.hubId = hubId;
        e.name = details.name().strip();
        e.kind = details.kind();
        e.lat = details.lat();
        e.lon = details.lon();
        e.openingHours = details.openingHours();
        e.createdAt = Instant.now();
        return Panache.withTransaction(() -> e.persist()
                .chain(() -> audit.record(hubId, actor.auditName(), "location-created", e.id.toString(), e.kind.slug()))
                .replaceWith(e));
    }

    /** Up to {@code limit} of the hub's locations by name, after {@code after} (null for the first page). */
    public Uni<List<StockLocationEntity>> page(UUID hubId, After after, int limit) {
        return Panache.withSession(() -> locations.pageOfHub(hubId, after, limit));
    }

    /** The location, or 404: also for a location of another hub than the caller's (no probing). */
    public static Uni<StockLocationEntity> require(UUID locationId) {
        return StockLocationEntity.<StockLocationEntity>findById(locationId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("location " + locationId));
    }
}
