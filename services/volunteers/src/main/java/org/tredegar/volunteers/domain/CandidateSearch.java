package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.hub.HubIds;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds who may be asked for a request: the spatial index narrows to on-duty volunteers in the cells around the
 * request (one index scan per cell, never the whole table), then the {@link Matcher} filters and ranks. Callers
 * need a Hibernate Reactive session (a transaction in the consumer; {@code Panache.withSession} in a benchmark).
 */
@ApplicationScoped
public class CandidateSearch {
    /** Fairness and limits look back one week; rest hours are capped at a week, so one horizon serves both. */
    public static final Duration LOOKBACK = Duration.ofDays(7);

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

    /** On-duty volunteers whose home cell lies within the request's distance, with their recent workload. */
    public Uni<List<VolunteerSnapshot>> nearby(MatchRequest request) {
        SpatialIndex.Cover cover = SpatialIndex.cover(request.lat(), request.lon(), request.searchKm());
        String sql = "SELECT v.id, v.hubs, v.lat, v.lon, v.radius_km, v.skills, v.verified_skills, v.languages, "
                + "v.availability, v.timezone, v.max_tasks_per_week, v.rest_hours, COALESCE(t.recent, 0), t.last_task_at "
                + "FROM volunteers v LEFT JOIN LATERAL ("
                + "  SELECT count(*) AS recent, max(CASE WHEN a.status = 'active' THEN ?2 "
                + "         ELSE COALESCE(a.completed_at, a.accepted_at) END) AS last_task_at "
                + "  FROM assignments a WHERE a.volunteer_id = v.id AND a.status <> 'released' AND a.accepted_at > ?3"
                + ") t ON TRUE "
                + "WHERE v.on_duty AND v." + cover.column() + " = ANY(?1) "
                + "AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.request_id = ?4 AND o.volunteer_id = v.id) "
                + "LIMIT ?5";
        OffsetDateTime now = OffsetDateTime.ofInstant(request.now(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, cover.cells().toArray(new Long[0]))
                        .setParameter(2, now)
                        .setParameter(3, now.minus(LOOKBACK))
                        .setParameter(4, request.requestId())
                        .setParameter(5, settings.maxCandidates())
                        .getResultList())
                .map(rows -> rows.stream().map(this::snapshot).toList());
    }

    private VolunteerSnapshot snapshot(Object[] row) {
        Set<UUID> hubIds = Arrays.stream(((String) row[1]).split(",")).map(HubIds::idOf).collect(Collectors.toSet());
        return new VolunteerSnapshot((UUID) row[0], hubIds, ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(),
                ((Number) row[4]).doubleValue(), Skill.parseList((String) row[5]), Skill.parseList((String) row[6]),
                Languages.parseList((String) row[7]), Availability.read(json, (String) row[8]), ZoneId.of((String) row[9]),
                row[10] == null ? null : ((Number) row[10]).intValue(), ((Number) row[11]).intValue(),
                ((Number) row[12]).intValue(), instant(row[13]));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((java.time.LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
