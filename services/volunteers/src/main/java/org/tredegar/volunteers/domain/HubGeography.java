package org.tredegar.volunteers.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.platform.hub.HubIds;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where hubs are, as far as matching needs it: a centre for requests that came with an area but no point, and
 * which hubs are neighbours (escalation level 2 asks their volunteers too). From configuration
 * ({@code tredegar.hubs.centres=slug:lat:lon,...}), so this service does not call the requests service to match.
 */
@ApplicationScoped
public class HubGeography {
    private final Map<UUID, GeoPoint> centres = new HashMap<>();

    public HubGeography(@ConfigProperty(name = "tredegar.hubs.centres", defaultValue = "") String list) {
        for (String entry : list.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length == 3) {
                centres.put(HubIds.idOf(parts[0]), new GeoPoint(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
            } else if (!entry.isBlank()) {
                throw new IllegalArgumentException("tredegar.hubs.centres entries look like slug:lat:lon, not " + entry);
            }
        }
    }

    public Optional<GeoPoint> centreOf(UUID hubId) {
        return Optional.ofNullable(centres.get(hubId));
    }

    /** The hub itself and every hub whose centre is within {@code km} of its centre. */
    public Set<UUID> withNeighbours(UUID hubId, double km) {
        Set<UUID> hubs = new HashSet<>();
        hubs.add(hubId);
        GeoPoint centre = centres.get(hubId);
        if (centre != null) {
            centres.forEach((id, other) -> {
                if (GeoPoint.distanceKm(centre.lat(), centre.lon(), other.lat(), other.lon()) <= km) {
                    hubs.add(id);
                }
            });
        }
        return hubs;
    }
}
