package org.tredegar.requests.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.HelpRequests;
import org.tredegar.requests.persistence.HelpRequests.QueuePosition;
import org.tredegar.requests.persistence.RequestContacts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A hub's queue: by urgency, then by how long people have waited, nothing else (see {@link Priority}); unmatched
 * requests unless a status is asked for. Paged with an opaque keyset cursor, stable while requests come and go.
 */
@ApplicationScoped
public class RequestQueue {
    @Inject
    HelpRequests requests;
    @Inject
    RequestContacts contacts;

    /** A request in the queue, with the channel of its contact (null when it has none) for the coordinator. */
    public record Entry(HelpRequestEntity request, ContactChannel contactChannel) {
    }

    public Uni<Page<Entry>> page(UUID hubId, RequestStatus status, HelpCategory category, String cursor, int limit) {
        Set<RequestStatus> statuses = status != null ? Set.of(status) : RequestLifecycle.UNMATCHED;
        return requests.queue(hubId, statuses, category, after(cursor), limit)
                .chain(rows -> contacts.channelsOf(rows.stream().map(r -> r.id).toList())
                        .map(channels -> Page.of(rows.stream().map(r -> new Entry(r, channels.get(r.id))).toList(), limit,
                                RequestQueue::cursorOf)));
    }

    static String cursorOf(Entry last) {
        QueuePosition p = QueuePosition.of(last.request());
        return Cursors.encode(Integer.toString(p.urgencyRank()), p.submittedAt().toString(), p.id().toString());
    }

    static QueuePosition after(String cursor) {
        List<String> parts = Cursors.decode(cursor, 3);
        if (parts.isEmpty()) {
            return null;
        }
        try {
            return new QueuePosition(Integer.parseInt(parts.get(0)), Instant.parse(parts.get(1)), UUID.fromString(parts.get(2)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }
}
