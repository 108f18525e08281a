package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.logistics.api.LocationView;
import org.tredegar.logistics.api.NewLocation;
import org.tredegar.logistics.api.Page;
import org.tredegar.logistics.persistence.StockLocationEntity;
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

    public Uni<LocationView> create(UUID hubId, NewLocation body, String actor) {
        StockLocationEntity e = new StockLocationEntity();
        e.id = UUID.randomUUID();
        e.hubId = hubId;
        e.name = body.name().strip();
        e.kind = body.kind().slug();
        e.lat = body.lat();
        e.lon = body.lon();
        e.openingHours = body.openingHours();
        e.createdAt = Instant.now();
        return Panache.withTransaction(() -> e.persist()
                .chain(() -> audit.record(hubId, actor, "location-created", e.id.toString(), e.kind))
                .map(ignored -> LocationView.of(e)));
    }

    public Uni<Page<LocationView>> page(UUID hubId, String cursor, int limit) {
        StringBuilder query = new StringBuilder("hubId = :hub");
        Parameters params = Parameters.with("hub", hubId);
        if (cursor != null && !cursor.isBlank()) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (name > :name or (name = :name and id > :id))");
            params.and("name", after.get(0)).and("id", parseId(after.get(1)));
        }
        query.append(" order by name, id");
        return Panache.withSession(() -> StockLocationEntity.<StockLocationEntity>find(query.toString(), params)
                .range(0, limit - 1).list()
                .map(rows -> {
                    String next = rows.size() < limit ? null
                            : Cursors.encode(rows.get(rows.size() - 1).name, rows.get(rows.size() - 1).id.toString());
                    return new Page<>(rows.stream().map(LocationView::of).toList(), next);
                }));
    }

    /** The location, or 404: also for a location of another hub than the caller's (no probing). */
    public static Uni<StockLocationEntity> require(UUID locationId) {
        return StockLocationEntity.<StockLocationEntity>findById(locationId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("location " + locationId));
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }
}
