package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.UUID;

/**
 * The hubs' SMS numbers, as their owner lists them: a text to a number belongs to that hub, and a text to a person
 * goes out from their hub's number, so that their answer comes back to it.
 */
public interface HubLines {
    /** The hub whose number this is. */
    Uni<Optional<HubLine>> at(String number);

    Uni<Optional<HubLine>> of(UUID hubId);

    record HubLine(UUID hubId, String slug, String name, String number) {
    }
}
