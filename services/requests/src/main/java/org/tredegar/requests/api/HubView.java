package org.tredegar.requests.api;

import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.requests.domain.Hub;

import java.util.List;
import java.util.UUID;

public record HubView(UUID id, String slug, String name, GeoPoint centre, String timezone, List<Hub.Area> areas) {
    static HubView of(Hub hub) {
        return new HubView(hub.id(), hub.slug(), hub.name(), hub.centre(), hub.timezone(), hub.areas());
    }
}
