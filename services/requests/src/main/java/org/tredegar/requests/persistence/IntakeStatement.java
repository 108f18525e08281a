package org.tredegar.requests.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.outbox.OutboxRelay;
import org.tredegar.platform.outbox.OutboxRow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The intake write as SQL on the reactive pool, one statement per round trip and no BEGIN/COMMIT: a single statement
 * is its own transaction, so all of it commits or none of it does. Data-modifying CTEs look up the probable
 * duplicate and insert the request, its sealed contact, its first transition and its outbox row.
 * <ul>
 * <li>{@link #insertAll} writes a batch of intakes (one or many) from arrays: see {@link IntakeBatches} for why
 * intakes share statements.</li>
 * <li>{@link #insertKeyed} writes one partner intake and claims its {@code Idempotency-Key} first
 * ({@code ON CONFLICT DO NOTHING}): when the key is already taken nothing is inserted and the statement answers
 * with the request the key points to.</li>
 * </ul>
 * Every parameter is cast, so the prepared statements' types never depend on what PostgreSQL guesses.
 */
@ApplicationScoped
public class IntakeStatement {
    private static final String REQUEST_COLUMNS = "id, hub_id, tracking_code, category, urgency, urgency_rank, status, "
            + "description, lat, lon, area, items, language, accessibility, window_from, window_to, channel, outside_hub_area, "
            + "escalate_at, contact_hash, duplicate_of, submitted_at, updated_at";
    private static final String CONTACT_COLUMNS = "request_id, channel, key_id, nonce, ciphertext, created_at";
    private static final String TRANSITION_COLUMNS = "request_id, from_status, to_status, actor, reason, at";
    /** The oldest open request of the same contact and category within the window; its own original if it has one. */
    private static final String DUPLICATE_OF = "SELECT COALESCE(h.duplicate_of, h.id) FROM help_requests h "
            + "WHERE h.contact_hash = %1$s AND h.category = %2$s AND h.submitted_at > %3$s "
            + "AND h.status NOT IN ('fulfilled', 'cancelled', 'closed') ORDER BY h.submitted_at LIMIT 1";

    /** Many intakes, one statement: each column is an array parameter, one element per intake, unnested in order. */
    static final String INSERT_ALL = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], "
            + "$5::text[], $6::int4[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::text[], $12::text[], $13::text[], "
            + "$14::text[], $15::timestamptz[], $16::timestamptz[], $17::text[], $18::bool[], $19::timestamptz[], $20::text[], "
            + "$21::timestamptz[], $22::timestamptz[], $23::text[], $24::text[], $25::bytea[], $26::bytea[], $27::text[], "
            + "$28::text[], $29::uuid[], $30::text[], $31::text[], $32::text[], $33::text[], $34::timestamptz[], $35::text[]) "
            + "WITH ORDINALITY AS i(id, hub_id, tracking_code, category, urgency, urgency_rank, status, description, lat, lon, "
            + "area, items, language, accessibility, window_from, window_to, channel, outside_hub_area, escalate_at, "
            + "contact_hash, now, duplicate_after, contact_channel, key_id, nonce, ciphertext, actor, reason, event_id, topic, "
            + "message_key, type, source, occurred_at, payload, n)), "
            + "request AS (INSERT INTO help_requests (" + REQUEST_COLUMNS + ") SELECT i.id, i.hub_id, i.tracking_code, "
            + "i.category, i.urgency, i.urgency_rank, i.status, i.description, i.lat, i.lon, i.area, i.items, i.language, "
            + "i.accessibility, i.window_from, i.window_to, i.channel, i.outside_hub_area, i.escalate_at, i.contact_hash, "
            + "COALESCE((" + String.format(DUPLICATE_OF, "i.contact_hash", "i.category", "i.duplicate_after") + "), "
            // Not visible to the lookup above: an earlier request of this same statement from the same contact.
            + "(SELECT e.id FROM input e WHERE e.contact_hash = i.contact_hash AND e.category = i.category AND e.n < i.n "
            + "ORDER BY e.n LIMIT 1)), i.now, i.now "
            + "FROM input i ORDER BY i.n RETURNING id), "
            + "contact AS (INSERT INTO request_contacts (" + CONTACT_COLUMNS + ") SELECT i.id, i.contact_channel, i.key_id, "
            + "i.nonce, i.ciphertext, i.now FROM input i WHERE i.contact_channel IS NOT NULL ORDER BY i.n), "
            + "transition AS (INSERT INTO request_transitions (" + TRANSITION_COLUMNS + ") SELECT i.id, NULL, i.status, "
            + "i.actor, i.reason, i.now FROM input i ORDER BY i.n), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT i.event_id, i.topic, i.message_key, i.type, "
            + "i.source, i.occurred_at, i.payload FROM input i ORDER BY i.n) "
            + "SELECT count(*) FROM request";

    /** One partner intake: the request is inserted only if this call claimed the key; else the key's request answers. */
    static final String INSERT_KEYED = "WITH claimed AS (INSERT INTO idempotency_keys (client_id, key, request_id, created_at) "
            + "VALUES ($36::text, $37::text, $1::uuid, $21::timestamptz) ON CONFLICT DO NOTHING RETURNING request_id), "
            + "request AS (INSERT INTO help_requests (" + REQUEST_COLUMNS + ") SELECT $1::uuid, $2::uuid, $3::text, $4::text, "
            + "$5::text, $6::int4, $7::text, $8::text, $9::float8, $10::float8, $11::text, $12::text, $13::text, $14::text, "
            + "$15::timestamptz, $16::timestamptz, $17::text, $18::bool, $19::timestamptz, $20::text, ("
            + String.format(DUPLICATE_OF, "$20::text", "$4::text", "$22::timestamptz") + "), $21::timestamptz, $21::timestamptz "
            + "WHERE EXISTS (SELECT 1 FROM claimed) RETURNING id, status, tracking_code, urgency), "
            + "contact AS (INSERT INTO request_contacts (" + CONTACT_COLUMNS + ") SELECT id, $23::text, $24::text, $25::bytea, "
            + "$26::bytea, $21::timestamptz FROM request WHERE $23::text IS NOT NULL), "
            + "transition AS (INSERT INTO request_transitions (" + TRANSITION_COLUMNS + ") SELECT id, NULL, status, $27::text, "
            + "$28::text, $21::timestamptz FROM request), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT $29::uuid, $30::text, $31::text, $32::text, "
            + "$33::text, $34::timestamptz, $35::text FROM request) "
            + "SELECT true AS created, id, status, tracking_code, urgency FROM request "
            + "UNION ALL SELECT false, r.id, r.status, r.tracking_code, r.urgency FROM idempotency_keys k "
            + "JOIN help_requests r ON r.id = k.request_id WHERE k.client_id = $36::text AND k.key = $37::text";

    @Inject
    Pool pool;
    /** Each statement is its own transaction: once it returns, its outbox rows are committed and can go. */
    @Inject
    OutboxRelay relay;

    /** A sealed contact as it is stored: channel, the key that sealed it, nonce and ciphertext. */
    public record SealedContact(String channel, String keyId, byte[] nonce, byte[] ciphertext) {
    }

    /** Everything one intake writes. {@code contact} is null when no way to reach the person was given. */
    public record NewRequest(UUID id, UUID hubId, String trackingCode, String category, String urgency, int urgencyRank,
                             String status, String description, Double lat, Double lon, String area, String items,
                             String language, String accessibility, Instant windowFrom, Instant windowTo,
                             String channel, boolean outsideHubArea, Instant escalateAt, String contactHash,
                             Instant now, Instant duplicateAfter, SealedContact contact, String actor,
                             String transitionReason, OutboxRow event, String clientId, String idempotencyKey) {
        public boolean keyed() {
            return clientId != null && idempotencyKey != null;
        }

        public NewRequest withTrackingCode(String code) {
            return new NewRequest(id, hubId, code, category, urgency, urgencyRank, status, description, lat, lon, area, items,
                    language, accessibility, windowFrom, windowTo, channel, outsideHubArea, escalateAt, contactHash, now,
                    duplicateAfter, contact, actor, transitionReason, event, clientId, idempotencyKey);
        }
    }

    /** What a keyed insert answered: the request it wrote ({@code created}), or the one an earlier call with the key wrote. */
    public record Written(boolean created, UUID id, String status, String trackingCode, String urgency) {
    }

    /** Writes the intakes (without Idempotency-Key) in one statement; all or none. */
    public Uni<Void> insertAll(List<NewRequest> batch) {
        int n = batch.size();
        UUID[] id = new UUID[n];
        UUID[] hubId = new UUID[n];
        String[] trackingCode = new String[n];
        String[] category = new String[n];
        String[] urgency = new String[n];
        Integer[] urgencyRank = new Integer[n];
        String[] status = new String[n];
        String[] description = new String[n];
        Double[] lat = new Double[n];
        Double[] lon = new Double[n];
        String[] area = new String[n];
        String[] items = new String[n];
        String[] language = new String[n];
        String[] accessibility = new String[n];
        OffsetDateTime[] windowFrom = new OffsetDateTime[n];
        OffsetDateTime[] windowTo = new OffsetDateTime[n];
        String[] channel = new String[n];
        Boolean[] outsideHubArea = new Boolean[n];
        OffsetDateTime[] escalateAt = new OffsetDateTime[n];
        String[] contactHash = new String[n];
        OffsetDateTime[] now = new OffsetDateTime[n];
        OffsetDateTime[] duplicateAfter = new OffsetDateTime[n];
        String[] contactChannel = new String[n];
        String[] keyId = new String[n];
        Buffer[] nonce = new Buffer[n];
        Buffer[] ciphertext = new Buffer[n];
        String[] actor = new String[n];
        String[] reason = new String[n];
        for (int i = 0; i < n; i++) {
            NewRequest r = batch.get(i);
            id[i] = r.id();
            hubId[i] = r.hubId();
            trackingCode[i] = r.trackingCode();
            category[i] = r.category();
            urgency[i] = r.urgency();
            urgencyRank[i] = r.urgencyRank();
            status[i] = r.status();
            description[i] = r.description();
            lat[i] = r.lat();
            lon[i] = r.lon();
            area[i] = r.area();
            items[i] = r.items();
            language[i] = r.language();
            accessibility[i] = r.accessibility();
            windowFrom[i] = time(r.windowFrom());
            windowTo[i] = time(r.windowTo());
            channel[i] = r.channel();
            outsideHubArea[i] = r.outsideHubArea();
            escalateAt[i] = time(r.escalateAt());
            contactHash[i] = r.contactHash();
            now[i] = time(r.now());
            duplicateAfter[i] = time(r.duplicateAfter());
            SealedContact c = r.contact();
            if (c != null) {
                contactChannel[i] = c.channel();
                keyId[i] = c.keyId();
                nonce[i] = Buffer.buffer(c.nonce());
                ciphertext[i] = Buffer.buffer(c.ciphertext());
            }
            actor[i] = r.actor();
            reason[i] = r.transitionReason();
        }
        // A mutable list: the client may convert values in place while encoding them (an immutable one fails there,
        // on the event loop, and the statement never runs).
        List<Object> values = new ArrayList<>(Arrays.asList(id, hubId, trackingCode, category, urgency, urgencyRank, status,
                description, lat, lon, area, items, language, accessibility, windowFrom, windowTo, channel, outsideHubArea,
                escalateAt, contactHash, now, duplicateAfter, contactChannel, keyId, nonce, ciphertext, actor, reason));
        values.addAll(OutboxRow.columns(batch.stream().map(NewRequest::event).toList()));
        return pool.preparedQuery(INSERT_ALL).execute(Tuple.wrap(values)).invoke(relay::wake).map(rows -> {
            long written = rows.iterator().next().getLong(0);
            if (written != n) {
                throw new IllegalStateException("intake batch wrote " + written + " of " + n + " requests");
            }
            return null;
        });
    }

    /**
     * One round trip. Empty only when a concurrent call with the same Idempotency-Key committed after this
     * statement's snapshot was taken: the caller runs it again and then sees that call's request.
     */
    public Uni<Optional<Written>> insertKeyed(NewRequest r) {
        SealedContact c = r.contact();
        OutboxRow e = r.event();
        List<Object> values = Arrays.asList(r.id(), r.hubId(), r.trackingCode(), r.category(), r.urgency(), r.urgencyRank(),
                r.status(), r.description(), r.lat(), r.lon(), r.area(), r.items(), r.language(), r.accessibility(),
                time(r.windowFrom()), time(r.windowTo()), r.channel(), r.outsideHubArea(), time(r.escalateAt()),
                r.contactHash(), time(r.now()), time(r.duplicateAfter()), c == null ? null : c.channel(),
                c == null ? null : c.keyId(), c == null ? null : Buffer.buffer(c.nonce()),
                c == null ? null : Buffer.buffer(c.ciphertext()), r.actor(), r.transitionReason(), e.eventId(), e.topic(),
                e.messageKey(), e.type(), e.source(), time(e.occurredAt()), e.payload(), r.clientId(), r.idempotencyKey());
        return pool.preparedQuery(INSERT_KEYED).execute(Tuple.wrap(values)).invoke(relay::wake).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Written(row.getBoolean(0), row.getUUID(1), row.getString(2), row.getString(3),
                    row.getString(4)));
        });
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
