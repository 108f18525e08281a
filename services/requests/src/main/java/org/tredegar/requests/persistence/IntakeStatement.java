package org.tredegar.requests.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.platform.outbox.OutboxRelay;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.requests.domain.RequestLifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.tredegar.platform.persistence.SqlTime.utc;

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
 * Both statements name their parameters ({@code :hub_id}); {@link #PARAMETERS} says once, part by part, where each
 * value comes from and its SQL type, and {@link NamedParameters} numbers and casts them, so the prepared statements'
 * types never depend on what PostgreSQL guesses.
 */
@ApplicationScoped
public class IntakeStatement {
    /** The help_requests columns an intake fills from its parameters of the same names. */
    private static final String REQUEST_VALUES = "id, hub_id, tracking_code, category, urgency, urgency_rank, status, "
            + "description, lat, lon, area, items, language, accessibility, window_from, window_to, channel, outside_hub_area, "
            + "escalate_at, contact_hash";
    private static final String REQUEST_COLUMNS = REQUEST_VALUES + ", duplicate_of, submitted_at, updated_at";
    private static final String CONTACT_COLUMNS = "request_id, channel, key_id, nonce, ciphertext, created_at";
    private static final String TRANSITION_COLUMNS = "request_id, from_status, to_status, actor, reason, at";
    /** The oldest open request of the same contact and category within the window; its own original if it has one. */
    private static final String DUPLICATE_OF = "SELECT COALESCE(h.duplicate_of, h.id) FROM help_requests h "
            + "WHERE h.contact_hash = %1$s AND h.category = %2$s AND h.submitted_at > %3$s "
            + "AND h.status NOT IN (" + SlugColumns.sqlList(RequestLifecycle.FINISHED) + ") ORDER BY h.submitted_at LIMIT 1";

    /** Every value of one intake, by name: the request, what it needs, its place, contact, first transition, event. */
    static final NamedParameters<NewRequest> PARAMETERS = requestParameters()
            .and(needParameters()).and(placeParameters()).and(contactParameters())
            .and(transitionParameters()).and(eventParameters());
    /** The partner's key, for the keyed statement only. */
    static final NamedParameters<NewRequest> CLAIM_PARAMETERS = new NamedParameters<NewRequest>()
            .add("client_id", "text", String.class, r -> r.claim().clientId())
            .add("idempotency_key", "text", String.class, r -> r.claim().key());

    /** Many intakes, one statement: each parameter is an array, one element per intake, unnested in order. */
    static final NamedParameters.Statement<NewRequest> INSERT_ALL = PARAMETERS.bindEach(
            "WITH input AS (SELECT * FROM unnest(" + PARAMETERS.placeholders() + ") "
            + "WITH ORDINALITY AS i(" + PARAMETERS.names() + ", n)), "
            + "request AS (INSERT INTO help_requests (" + REQUEST_COLUMNS + ") SELECT " + each("i.", REQUEST_VALUES) + ", "
            + "COALESCE((" + String.format(DUPLICATE_OF, "i.contact_hash", "i.category", "i.duplicates_after") + "), "
            // Not visible to the lookup above: an earlier request of this same statement from the same contact.
            + "(SELECT e.id FROM input e WHERE e.contact_hash = i.contact_hash AND e.category = i.category AND e.n < i.n "
            + "ORDER BY e.n LIMIT 1)), i.written_at, i.written_at "
            + "FROM input i ORDER BY i.n RETURNING id), "
            + "contact AS (INSERT INTO request_contacts (" + CONTACT_COLUMNS + ") SELECT i.id, i.contact_channel, i.key_id, "
            + "i.nonce, i.ciphertext, i.written_at FROM input i WHERE i.contact_channel IS NOT NULL ORDER BY i.n), "
            + "transition AS (INSERT INTO request_transitions (" + TRANSITION_COLUMNS + ") SELECT i.id, NULL, i.status, "
            + "i.actor, i.reason, i.written_at FROM input i ORDER BY i.n), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT " + each("i.", OutboxRow.COLUMNS) + " "
            + "FROM input i ORDER BY i.n) "
            + "SELECT count(*) FROM request");

    /** One partner intake: the request is inserted only if this call claimed the key; else the key's request answers. */
    static final NamedParameters.Statement<NewRequest> INSERT_KEYED = PARAMETERS.and(CLAIM_PARAMETERS).bindOne(
            "WITH claimed AS (INSERT INTO idempotency_keys (client_id, key, request_id, created_at) "
            + "VALUES (:client_id, :idempotency_key, :id, :written_at) ON CONFLICT DO NOTHING RETURNING request_id), "
            + "request AS (INSERT INTO help_requests (" + REQUEST_COLUMNS + ") SELECT " + each(":", REQUEST_VALUES) + ", ("
            + String.format(DUPLICATE_OF, ":contact_hash", ":category", ":duplicates_after") + "), :written_at, :written_at "
            + "WHERE EXISTS (SELECT 1 FROM claimed) RETURNING id, status, tracking_code, urgency), "
            + "contact AS (INSERT INTO request_contacts (" + CONTACT_COLUMNS + ") SELECT id, :contact_channel, :key_id, :nonce, "
            + ":ciphertext, :written_at FROM request WHERE :contact_channel IS NOT NULL), "
            + "transition AS (INSERT INTO request_transitions (" + TRANSITION_COLUMNS + ") SELECT id, NULL, status, :actor, "
            + ":reason, :written_at FROM request), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT " + each(":", OutboxRow.COLUMNS) + " FROM request) "
            + "SELECT true AS created, id, status, tracking_code, urgency FROM request "
            + "UNION ALL SELECT false, r.id, r.status, r.tracking_code, r.urgency FROM idempotency_keys k "
            + "JOIN help_requests r ON r.id = k.request_id WHERE k.client_id = :client_id AND k.key = :idempotency_key");

    @Inject
    Pool pool;
    /** Each statement is its own transaction: once it returns, its outbox rows are committed and can go. */
    @Inject
    OutboxRelay relay;

    /**
     * Everything one intake writes, in the parts it is stored as. {@code contact} is null when no way to reach the
     * person was given; {@code claim} is null unless a partner sent an Idempotency-Key.
     */
    public record NewRequest(Request request, Need need, Place place, SealedContact contact, FirstTransition transition,
                             OutboxRow event, IdempotencyClaim claim) {
        public boolean keyed() {
            return claim != null;
        }

        /** The keyed hash that finds this person's other requests; null without a contact. */
        public String contactHash() {
            return contact == null ? null : contact.lookupHash();
        }

        public NewRequest withTrackingCode(String code) {
            return new NewRequest(request.withTrackingCode(code), need, place, contact, transition, event, claim);
        }

        /** What a statement without a key wrote for this intake: this very request. */
        public Written written() {
            return new Written(true, request.id(), request.status(), request.trackingCode(), need.urgency());
        }
    }

    /**
     * The request's own facts: its ids, how it came, where it stands. {@code writtenAt} is its submission time and that
     * of every row the intake writes; an open request of the same contact and category submitted after
     * {@code duplicatesAfter} is its probable original.
     */
    public record Request(UUID id, UUID hubId, String trackingCode, IntakeChannel channel, String language,
                          RequestStatus status, Instant escalateAt, Instant writtenAt, Instant duplicatesAfter) {
        Request withTrackingCode(String code) {
            return new Request(id, hubId, code, channel, language, status, escalateAt, writtenAt, duplicatesAfter);
        }
    }

    /** What is needed and how soon: {@code itemsJson} as the items column stores it, {@code window} ends may be null. */
    public record Need(HelpCategory category, Urgency urgency, int urgencyRank, String description, String itemsJson,
                       String accessibility, Instant windowFrom, Instant windowTo) {
    }

    /** Where: a point or an area (or both), and whether it lies outside the hub it was routed to. */
    public record Place(Double lat, Double lon, String area, boolean outsideHubArea) {
    }

    /**
     * A sealed contact as it is stored: channel, the key that sealed it, nonce and ciphertext; and the keyed hash of
     * the contact, kept on the request to find the same person's other requests.
     */
    public record SealedContact(ContactChannel channel, String keyId, byte[] nonce, byte[] ciphertext, String lookupHash) {
    }

    /** The request's first step in request_transitions: who asked for it, and why it says so. */
    public record FirstTransition(String actor, String reason) {
    }

    /** A partner's Idempotency-Key, claimed for its client before anything is written. */
    public record IdempotencyClaim(String clientId, String key) {
    }

    /** What a keyed insert answered: the request it wrote ({@code created}), or the one an earlier call with the key wrote. */
    public record Written(boolean created, UUID id, RequestStatus status, String trackingCode, Urgency urgency) {
    }

    /** Writes the intakes (without Idempotency-Key) in one statement; all or none. */
    public Uni<Void> insertAll(List<NewRequest> batch) {
        return pool.preparedQuery(INSERT_ALL.sql()).execute(INSERT_ALL.values(batch)).invoke(relay::wake).map(rows -> {
            long written = rows.iterator().next().getLong(0);
            if (written != batch.size()) {
                throw new IllegalStateException("intake batch wrote " + written + " of " + batch.size() + " requests");
            }
            return null;
        });
    }

    /**
     * One round trip. Empty only when a concurrent call with the same Idempotency-Key committed after this
     * statement's snapshot was taken: the caller runs it again and then sees that call's request.
     */
    public Uni<Optional<Written>> insertKeyed(NewRequest r) {
        return pool.preparedQuery(INSERT_KEYED.sql()).execute(INSERT_KEYED.values(r)).invoke(relay::wake).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Written(row.getBoolean(0), row.getUUID(1), RequestStatus.fromSlug(row.getString(2)),
                    row.getString(3), Urgency.fromSlug(row.getString(4))));
        });
    }

    private static NamedParameters<NewRequest> requestParameters() {
        return new NamedParameters<NewRequest>()
                .add("id", "uuid", UUID.class, r -> r.request().id())
                .add("hub_id", "uuid", UUID.class, r -> r.request().hubId())
                .add("tracking_code", "text", String.class, r -> r.request().trackingCode())
                .add("channel", "text", String.class, r -> r.request().channel().slug())
                .add("language", "text", String.class, r -> r.request().language())
                .add("status", "text", String.class, r -> r.request().status().slug())
                .add("escalate_at", "timestamptz", OffsetDateTime.class, r -> utc(r.request().escalateAt()))
                .add("written_at", "timestamptz", OffsetDateTime.class, r -> utc(r.request().writtenAt()))
                .add("duplicates_after", "timestamptz", OffsetDateTime.class, r -> utc(r.request().duplicatesAfter()));
    }

    private static NamedParameters<NewRequest> needParameters() {
        return new NamedParameters<NewRequest>()
                .add("category", "text", String.class, r -> r.need().category().slug())
                .add("urgency", "text", String.class, r -> r.need().urgency().slug())
                .add("urgency_rank", "int4", Integer.class, r -> r.need().urgencyRank())
                .add("description", "text", String.class, r -> r.need().description())
                .add("items", "text", String.class, r -> r.need().itemsJson())
                .add("accessibility", "text", String.class, r -> r.need().accessibility())
                .add("window_from", "timestamptz", OffsetDateTime.class, r -> utc(r.need().windowFrom()))
                .add("window_to", "timestamptz", OffsetDateTime.class, r -> utc(r.need().windowTo()));
    }

    private static NamedParameters<NewRequest> placeParameters() {
        return new NamedParameters<NewRequest>()
                .add("lat", "float8", Double.class, r -> r.place().lat())
                .add("lon", "float8", Double.class, r -> r.place().lon())
                .add("area", "text", String.class, r -> r.place().area())
                .add("outside_hub_area", "bool", Boolean.class, r -> r.place().outsideHubArea());
    }

    /** All null without a contact (the contact CTE then writes nothing for this intake). */
    private static NamedParameters<NewRequest> contactParameters() {
        return new NamedParameters<NewRequest>()
                .add("contact_channel", "text", String.class, r -> r.contact() == null ? null : r.contact().channel().slug())
                .add("key_id", "text", String.class, r -> r.contact() == null ? null : r.contact().keyId())
                .add("nonce", "bytea", Buffer.class, r -> r.contact() == null ? null : Buffer.buffer(r.contact().nonce()))
                .add("ciphertext", "bytea", Buffer.class,
                        r -> r.contact() == null ? null : Buffer.buffer(r.contact().ciphertext()))
                .add("contact_hash", "text", String.class, NewRequest::contactHash);
    }

    private static NamedParameters<NewRequest> transitionParameters() {
        return new NamedParameters<NewRequest>()
                .add("actor", "text", String.class, r -> r.transition().actor())
                .add("reason", "text", String.class, r -> r.transition().reason());
    }

    /** Named as the outbox's columns ({@link OutboxRow#COLUMNS}), so both statements select them by those names. */
    private static NamedParameters<NewRequest> eventParameters() {
        return new NamedParameters<NewRequest>()
                .add("event_id", "uuid", UUID.class, r -> r.event().eventId())
                .add("topic", "text", String.class, r -> r.event().topic())
                .add("message_key", "text", String.class, r -> r.event().messageKey())
                .add("type", "text", String.class, r -> r.event().type())
                .add("source", "text", String.class, r -> r.event().source())
                .add("occurred_at", "timestamptz", OffsetDateTime.class, r -> utc(r.event().occurredAt()))
                .add("payload", "text", String.class, r -> r.event().payload());
    }

    /** {@code "a, b"} → {@code "i.a, i.b"} (columns of the unnested input) or {@code ":a, :b"} (parameters). */
    private static String each(String prefix, String columns) {
        return Arrays.stream(columns.split(", ")).map(c -> prefix + c).collect(Collectors.joining(", "));
    }
}
