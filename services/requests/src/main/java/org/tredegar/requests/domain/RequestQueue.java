package org.tredegar.requests.domain;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.api.RequestView;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.RequestContactEntity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A hub's queue, paged with an opaque keyset cursor (stable while requests come and go). */
@ApplicationScoped
public class RequestQueue {
    @Inject
    RequestViews views;

    public record Page(List<RequestView> items, String nextCursor) {
    }

    private record Cursor(int rank, Instant submittedAt, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (rank + "|" + submittedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Integer.parseInt(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
            }
        }
    }

    public Uni<Page> page(UUID hubId, RequestStatus status, HelpCategory category, String cursorText, int limit) {
        StringBuilder query = new StringBuilder("hubId = :hub");
        Parameters params = Parameters.with("hub", hubId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status.slug());
        } else {
            query.append(" and status in :open");
            params.and("open", Set.of("submitted", "triaged", "escalated"));
        }
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category.slug());
        }
        if (cursorText != null && !cursorText.isBlank()) {
            Cursor c = Cursor.decode(cursorText);
            query.append(" and (urgencyRank > :rank or (urgencyRank = :rank and submittedAt > :at)"
                    + " or (urgencyRank = :rank and submittedAt = :at and id > :id))");
            params.and("rank", c.rank()).and("at", c.submittedAt()).and("id", c.id());
        }
        query.append(" order by urgencyRank, submittedAt, id");
        return HelpRequestEntity.<HelpRequestEntity>find(query.toString(), params).range(0, limit).list()
                .chain(rows -> contactChannels(rows).map(channels -> {
                    List<RequestView> items = rows.stream().map(r -> views.full(r, channels.get(r.id))).toList();
                    String next = rows.size() < limit ? null : new Cursor(rows.get(rows.size() - 1).urgencyRank,
                            rows.get(rows.size() - 1).submittedAt, rows.get(rows.size() - 1).id).encode();
                    return new Page(items, next);
                }));
    }

    private Uni<java.util.Map<UUID, String>> contactChannels(List<HelpRequestEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        return RequestContactEntity.<RequestContactEntity>list("requestId in ?1", ids)
                .map(contacts -> contacts.stream().collect(Collectors.toMap(c -> c.requestId, c -> c.channel)));
    }
}
