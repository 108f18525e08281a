package org.tredegar.volunteers.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a request needs from a volunteer, as the matcher sees it.
 *
 * @param hubIds     volunteers of these hubs may be asked (the request's hub; neighbours too from escalation level 2)
 * @param searchKm   the request's distance: nobody farther away is asked, whatever their own radius
 * @param language   the requester's language tag, or null when unknown
 * @param from       start of when help is needed ({@code now} for "as soon as possible")
 * @param to         end of it ({@code from == to} for one instant)
 */
public record MatchRequest(UUID requestId, Set<UUID> hubIds, double lat, double lon, double searchKm,
                           CategoryNeeds needs, String language, Instant from, Instant to, Instant now) {
    public MatchRequest {
        Objects.requireNonNull(requestId, "requestId");
        hubIds = Set.copyOf(hubIds);
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
    }
}
