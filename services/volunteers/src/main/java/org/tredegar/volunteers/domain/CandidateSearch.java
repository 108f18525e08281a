package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Finds who may be asked for a request: the spatial index narrows to on-duty volunteers in the cells around the
 * request (one index scan per cell, never the whole table), then the {@link Matcher} filters and ranks. Callers
 * need a Hibernate Reactive session (a transaction in the consumer; {@code Panache.withSession} in a benchmark).
 */
@ApplicationScoped
public class CandidateSearch {
    /** Fairness and limits look back one week; rest hours are capped at a week, so one horizon serves both. */
    public static final Duration LOOKBACK = CandidateQuery.LOOKBACK;

    @Inject
    MatchingSettings settings;
    @Inject
    ObjectMapper json;

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

    /** On-duty volunteers in reach of the request (see {@link CandidateQuery#sql}), with their recent workload. */
    public Uni<List<VolunteerSnapshot>> nearby(MatchRequest request) {
        SpatialIndex.Cover cover = SpatialIndex.cover(request.lat(), request.lon(), request.searchKm());
        Object[] parameters = CandidateQuery.parameters(cover.cells().toArray(new Long[0]), request.now(),
                request.requestId(), settings.maxCandidates(), request.lat(), request.lon(), request.searchKm());
        return Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(CandidateQuery.sql(cover.column()), Object[].class);
                    for (int i = 1; i < parameters.length; i++) {
                        // The request id (?4) as a one-element list: a multi-valued parameter keeps the plan out of
                        // Hibernate's cache, where every run of a native select would add one (ADR 0007).
                        query.setParameter(i, i == 4 ? List.of(parameters[i]) : parameters[i]);
                    }
                    return query.getResultList();
                })
                .map(rows -> rows.stream().map(row -> CandidateQuery.snapshot(row, json)).toList());
    }

    /** A timestamp column as Hibernate Reactive hands it over (OffsetDateTime, Instant or LocalDateTime in UTC). */
    static Instant instant(Object value) {
        return CandidateQuery.instant(value);
    }
}
