package org.tredegar.volunteers.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.volunteers.persistence.Volunteers;

import java.util.List;

/**
 * Finds who may be asked for a request: the spatial index narrows to on-duty volunteers in the cells around the
 * request (one index scan per cell, never the whole table), then the {@link Matcher} filters and ranks. Callers
 * need a Hibernate Reactive session (a transaction in the consumer; {@code Panache.withSession} in a test).
 */
@ApplicationScoped
public class CandidateSearch {
    @Inject
    MatchingSettings settings;
    @Inject
    Volunteers volunteers;

    private Matcher matcher;

    public Matcher matcher() {
        if (matcher == null) {
            matcher = new Matcher(settings.distanceBandKm());
        }
        return matcher;
    }

    /** Everyone who may be asked and was not asked for this request before, best first. */
    public Uni<List<Matcher.Ranked>> candidates(MatchRequest request) {
        return nearby(request).map(found -> matcher().rank(request, found));
    }

    /** On-duty volunteers in reach of the request, with their recent workload: one query over the cells' index entries. */
    public Uni<List<VolunteerSnapshot>> nearby(MatchRequest request) {
        SpatialIndex.Cover cover = SpatialIndex.cover(request.lat(), request.lon(), request.searchKm());
        return volunteers.inReach(request, cover, settings.maxCandidates());
    }
}
