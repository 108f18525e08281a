package org.tredegar.requests.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HubEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hubs, cached for a short while: hubs change rarely and every intake needs them for routing.
 */
@ApplicationScoped
public class HubDirectory {
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    private volatile List<Hub> cached = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    /** Where a request belongs: the hub whose area contains it; else the nearest hub, flagged as outside. */
    public record Routing(Hub hub, boolean outsideHubArea) {
    }

    public Uni<List<Hub>> all() {
        if (Instant.now().isBefore(loadedAt.plus(CACHE_FOR)) && !cached.isEmpty()) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> HubEntity.<HubEntity>listAll()).map(entities -> {
            List<Hub> hubs = entities.stream().map(this::toHub).sorted(Comparator.comparing(Hub::slug)).toList();
            cached = hubs;
            loadedAt = Instant.now();
            return hubs;
        });
    }

    public void invalidate() {
        loadedAt = Instant.EPOCH;
    }

    /** Accepts the id or the slug, as every {hubId} in our paths does. */
    public Uni<Hub> find(String idOrSlug) {
        return all().map(hubs -> hubs.stream()
                .filter(h -> h.slug().equals(idOrSlug) || h.id().toString().equals(idOrSlug))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("hub " + idOrSlug)));
    }

    public Uni<Optional<Hub>> byId(UUID id) {
        return all().map(hubs -> hubs.stream().filter(h -> h.id().equals(id)).findFirst());
    }

    public Uni<Routing> route(GeoPoint point, String area) {
        return all().map(hubs -> {
            if (hubs.isEmpty()) {
                throw new ApiProblem(503, "no-hubs", "No hub is set up yet", "no hub can take requests yet");
            }
            if (point != null) {
                return hubs.stream().filter(h -> h.covers(point)).findFirst().map(h -> new Routing(h, false))
                        .orElseGet(() -> new Routing(hubs.stream().min(Comparator.comparingDouble(h -> h.distanceKm(point)))
                                .orElseThrow(), true));
            }
            return hubs.stream().filter(h -> h.hasArea(area)).findFirst().map(h -> new Routing(h, false))
                    .orElseThrow(() -> ApiProblem.badField("location.area",
                            "'" + area + "' is not an area or postcode district any hub covers; give lat/lon instead"));
        });
    }

    Hub toHub(HubEntity e) {
        try {
            List<Hub.Area> areas = json.readValue(e.areas, new TypeReference<>() {
            });
            return new Hub(e.id, e.slug, e.name, new GeoPoint(e.centreLat, e.centreLon), e.timezone, areas);
        } catch (IOException ex) {
            throw new UncheckedIOException("hub " + e.slug + " has unreadable areas", ex);
        }
    }
}
