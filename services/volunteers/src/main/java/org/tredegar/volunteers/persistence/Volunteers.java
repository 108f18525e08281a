package org.tredegar.volunteers.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.volunteers.domain.MatchRequest;
import org.tredegar.volunteers.domain.SpatialIndex;
import org.tredegar.volunteers.domain.VolunteerSnapshot;

import java.util.List;
import java.util.UUID;

/**
 * The {@code volunteers} table beyond what {@link VolunteerEntity} does by id: the candidate search, and the demo
 * profiles handed to their logins. Every method runs in the caller's session (or transaction).
 */
@ApplicationScoped
public class Volunteers {
    @Inject
    ObjectMapper json;

    /**
     * On-duty volunteers in reach of the request ({@link CandidateQuery#sql}), in the cells of {@code cover}, with
     * their recent workload; at most {@code maxRows}. One round trip.
     */
    public Uni<List<VolunteerSnapshot>> inReach(MatchRequest request, SpatialIndex.Cover cover, int maxRows) {
        Object[] parameters = CandidateQuery.parameters(cover.cells().toArray(new Long[0]), request.now(),
                request.requestId(), maxRows, request.lat(), request.lon(), request.searchKm());
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

    /**
     * Hands the demo profile made for {@code username} to that login: its id becomes {@code volunteerId} (foreign
     * keys cascade) and it records the account's subject. Only a profile no account has claimed yet; false if none.
     */
    public Uni<Boolean> claimDemoProfile(String username, UUID volunteerId, String subject) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE volunteers SET id = ?1, account_subject = ?2 "
                                + "WHERE account_username = ?3 AND account_subject IS NULL")
                        .setParameter(1, volunteerId).setParameter(2, subject).setParameter(3, username).executeUpdate())
                .map(claimed -> claimed > 0);
    }

    /** Whether a demo profile is there: by id, or by username (a login that claimed it changed the id to its subject). */
    public Uni<Boolean> demoProfileExists(UUID id, String username) {
        String sql = username == null ? "SELECT count(*) FROM volunteers WHERE id = ?1 AND ?2 = ''"
                : "SELECT count(*) FROM volunteers WHERE id = ?1 OR account_username = ?2";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class)
                .setParameter(1, id).setParameter(2, username == null ? "" : username)
                .getSingleResult()).map(n -> n > 0);
    }
}
