package org.tredegar.requests.api;

import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.requests.domain.Hub;

import java.util.List;
import java.util.UUID;

/** A hub as anyone may see it; {@code smsNumber} is the number people text for help (null when it has none). */
public record HubView(UUID id, String slug, String name, GeoPoint centre, String timezone, String smsNumber,
                      List<Hub.Area> areas) {
    static HubView of(Hub hub) {
        return new HubView(hub.id(), hub.slug(), hub.name(), hub.centre(), hub.timezone(), hub.smsNumber(), hub.areas());
    }
}
