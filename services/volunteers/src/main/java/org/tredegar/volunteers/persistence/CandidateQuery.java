package org.tredegar.volunteers.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.persistence.SqlTime;
import org.tredegar.volunteers.domain.AssignmentStatus;
import org.tredegar.volunteers.domain.Availability;
import org.tredegar.volunteers.domain.Languages;
import org.tredegar.volunteers.domain.Matcher;
import org.tredegar.volunteers.domain.Skill;
import org.tredegar.volunteers.domain.VolunteerSnapshot;
import org.tredegar.volunteers.domain.WeeklyAvailability;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The candidate query and its row mapping, apart from the session that runs it: {@link Volunteers#inReach} runs it
 * through Hibernate Reactive; the candidate-search benchmark ({@code ./tredegar bench search}, which has no Quarkus)
 * runs the very same text over JDBC and calls {@link #sql}, {@link #parameters} and {@link #snapshot} directly — keep
 * this class free of Quarkus types, as the benchmark has none.
 */
public final class CandidateQuery {
    /** Fairness and limits look back one week; rest hours are capped at a week, so one horizon serves both. */
    public static final Duration LOOKBACK = Duration.ofDays(7);
    /** GeoPoint.distanceKm's Earth radius: the SQL distance test must agree with the matcher's. */
    static final String EARTH_RADIUS_KM = "6371.0088";

    private CandidateQuery() {
    }

    /**
     * On-duty volunteers whose home cell is one of {@code ?1} (bigint[]) in {@code column} (h3_fine or h3_coarse)
     * and who live within both the request's distance {@code ?8} and their own radius of the request's point
     * ({@code ?6}, {@code ?7}), with their tasks since {@code ?3} (now − LOOKBACK) and when the latest ended
     * ({@code ?2} = now while one is active), not yet asked for request {@code ?4}; at most {@code ?5} rows.
     * {@link #parameters} gives the values by number. {@code IN (?4)}, not {@code = ?4}: Hibernate binds it as a
     * one-element list and so keeps this hot select out of its query plan cache (ADR 0007); JDBC binds the id.
     * <p>
     * The distance test is the matcher's own (the same great-circle formula on the same stored coordinates, a metre
     * of slack), done here so that people out of reach are dropped before their workload is looked up, sent over
     * and mapped — most of what the cells hold. The {@link Matcher} still decides.
     * <p>
     * Every {@code volunteers} column read here is in the covering indexes of migration V3 (key: the cell column;
     * INCLUDE: the rest), so the search is an index-only scan and never visits the table: a column added here
     * belongs in their INCLUDE list too (a new migration), or each search goes back to one heap page per row.
     */
    public static String sql(String column) {
        if (!column.equals("h3_fine") && !column.equals("h3_coarse")) {
            throw new IllegalArgumentException("not an H3 column: " + column);
        }
        return "SELECT v.id, v.hubs, v.lat, v.lon, v.radius_km, v.skills, v.verified_skills, v.languages, "
                + "v.availability, v.timezone, v.max_tasks_per_week, v.rest_hours, COALESCE(t.recent, 0), t.last_task_at "
                + "FROM volunteers v LEFT JOIN LATERAL ("
                + "  SELECT count(*) AS recent, max(CASE WHEN a.status = '" + AssignmentStatus.ACTIVE.slug() + "' THEN ?2 "
                + "         ELSE COALESCE(a.completed_at, a.accepted_at) END) AS last_task_at "
                + "  FROM assignments a WHERE a.volunteer_id = v.id AND a.status <> '" + AssignmentStatus.RELEASED.slug()
                + "' AND a.accepted_at > ?3"
                + ") t ON TRUE "
                + "WHERE v.on_duty AND v." + column + " = ANY(?1) "
                + "AND 2 * " + EARTH_RADIUS_KM + " * asin(least(1, sqrt(power(sin(radians(v.lat - ?6) / 2), 2) "
                + "  + cos(radians(?6)) * cos(radians(v.lat)) * power(sin(radians(v.lon - ?7) / 2), 2)))) "
                + "  <= least(v.radius_km, ?8) + 0.001 "
                + "AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.request_id IN (?4) AND o.volunteer_id = v.id) "
                + "LIMIT ?5";
    }

    /**
     * The values of {@link #sql}'s parameters, at their numbers (index 0 unused). {@code cells} as the caller's
     * driver takes a bigint[] (a {@code Long[]} for Hibernate Reactive, a {@code java.sql.Array} for JDBC).
     */
    public static Object[] parameters(Object cells, Instant now, UUID requestId, int maxRows, double lat, double lon,
                                      double km) {
        OffsetDateTime at = SqlTime.utc(now);
        return new Object[]{null, cells, at, at.minus(LOOKBACK), requestId, maxRows, lat, lon, km};
    }

    /** One row of {@link #sql} (columns in its order) as the matcher sees the volunteer. */
    public static VolunteerSnapshot snapshot(Object[] row, ObjectMapper json) {
        return new VolunteerSnapshot((UUID) row[0], HUB_IDS.of((String) row[1]), ((Number) row[2]).doubleValue(),
                ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue(), SKILLS.of((String) row[5]),
                SKILLS.of((String) row[6]), LANGUAGES.of((String) row[7]),
                AVAILABILITY.computeIfAbsent(json, j -> new ParsedColumn<>(stored -> Availability.read(j, stored)))
                        .of((String) row[8]), ZoneId.of((String) row[9]),
                row[10] == null ? null : ((Number) row[10]).intValue(), ((Number) row[11]).intValue(),
                ((Number) row[12]).intValue(), SqlTime.instant(row[13]));
    }

    /** Hub ids are name-based (an MD5 each): worked out once per distinct hub list, not once per row. */
    private static final ParsedColumn<Set<UUID>> HUB_IDS = new ParsedColumn<>(hubs -> hubs == null ? Set.of()
            : Arrays.stream(hubs.split(",")).map(HubIds::idOf).collect(Collectors.toUnmodifiableSet()));
    private static final ParsedColumn<Set<Skill>> SKILLS = new ParsedColumn<>(skills -> Set.copyOf(Skill.parseList(skills)));
    private static final ParsedColumn<List<String>> LANGUAGES = new ParsedColumn<>(languages -> List.copyOf(Languages.parseList(languages)));
    /** Per mapper, though there is one in practice: the benchmark brings its own. */
    private static final Map<ObjectMapper, ParsedColumn<WeeklyAvailability>> AVAILABILITY = new ConcurrentHashMap<>();
}
