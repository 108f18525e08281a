package org.tredegar.dashboard.config;

import java.util.UUID;

/** A hub as the pages show it; {@code id} is {@code HubIds.idOf(slug)}, as in every event. */
public record Hub(UUID id, String slug, String name) {
}
