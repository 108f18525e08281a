package org.tredegar.platform.hub;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A hub's id is derived from its slug, so that every service, token claim ({@code hubs} carries slugs) and event
 * agree on it without asking the requests service (docs/adr/0004).
 */
public final class HubIds {
    private HubIds() {
    }

    public static UUID idOf(String slug) {
        return UUID.nameUUIDFromBytes(("tredegar-hub:" + slug).getBytes(StandardCharsets.UTF_8));
    }
}
