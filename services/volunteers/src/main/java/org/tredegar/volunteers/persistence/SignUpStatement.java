package org.tredegar.volunteers.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued;
import org.tredegar.platform.outbox.OutboxRelay;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.volunteers.domain.CodeStatus;
import org.tredegar.volunteers.domain.SignUpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * The sign-up-by-code writes as SQL on the reactive pool, one statement per round trip and no BEGIN/COMMIT: a single
 * statement is its own transaction, so all of it commits or none of it does (the shape of the requests service's
 * intake statement).
 * <ul>
 * <li>{@link #insertNew} opens first sign-ups, many per statement (see {@link SignUpBatches}): the sign-up, its code
 * and its OneTimeCodeIssued row, only for contacts without an open sign-up ({@code ON CONFLICT (lookup_hash) DO
 * NOTHING}); the others are left to the caller, who replaces the open sign-up's code.</li>
 * <li>{@link #find}, {@link #confirm} and {@link #wrongCode} are a confirmation in two round trips, checked
 * optimistically instead of under a lock held across them: the write names the version ({@code xmin}) of the sign-up
 * row it was decided on and changes nothing if the row changed since (another confirmation, a new code, a wrong
 * code counted); the caller then reads again and decides again. Every change to a sign-up's code also changes the
 * sign-up row, so the sign-up's version covers its code too.</li>
 * </ul>
 * Each statement that wrote outbox rows wakes the relay when it returns: they are committed then. Every parameter is
 * cast, so the prepared statements' types never depend on what PostgreSQL guesses.
 */
@ApplicationScoped
public class SignUpStatement {
    static final String SIGN_UP_COLUMNS = "id, hub_id, profile, channel, key_id, nonce, ciphertext, lookup_hash, language, "
            + "status, attempts, codes_issued, expires_at, created_at, updated_at";
    static final String CODE_COLUMNS = "id, sign_up_id, purpose, code_hash, key_id, nonce, ciphertext, status, expires_at, created_at";
    static final String VOLUNTEER_COLUMNS = "id, display_name, hub_id, hubs, lat, lon, area, h3_fine, h3_coarse, radius_km, "
            + "skills, verified_skills, languages, availability, timezone, on_duty, max_tasks_per_week, rest_hours, sms_only, "
            + "registered_by, created_at, updated_at, version";
    static final String CONTACT_COLUMNS = "volunteer_id, channel, key_id, nonce, ciphertext, lookup_hash, created_at";

    /**
     * Many first sign-ups, one statement: each column an array parameter, one element per sign-up. A contact with an
     * open sign-up (also one earlier in this same statement) inserts nothing; the statement answers with the ids of
     * the sign-ups it did insert.
     */
    static final String INSERT_NEW = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], "
            + "$5::text[], $6::bytea[], $7::bytea[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], "
            + "$12::uuid[], $13::text[], $14::text[], $15::bytea[], $16::bytea[], $17::uuid[], $18::text[], $19::text[], "
            + "$20::text[], $21::text[], $22::timestamptz[], $23::text[]) WITH ORDINALITY AS i(id, hub_id, profile, channel, "
            + "key_id, nonce, ciphertext, lookup_hash, language, expires_at, now, code_id, code_hash, code_key_id, code_nonce, "
            + "code_ciphertext, event_id, topic, message_key, type, source, occurred_at, payload, n)), "
            + "sign_up AS (INSERT INTO volunteer_sign_ups (" + SIGN_UP_COLUMNS + ") SELECT i.id, i.hub_id, i.profile, "
            + "i.channel, i.key_id, i.nonce, i.ciphertext, i.lookup_hash, i.language, '" + SignUpStatus.PENDING.slug() + "', 0, 1, "
            + "i.expires_at, i.now, i.now FROM input i ORDER BY i.n ON CONFLICT (lookup_hash) DO NOTHING RETURNING id), "
            + "code AS (INSERT INTO one_time_codes (" + CODE_COLUMNS + ") SELECT i.code_id, i.id, '"
            + OneTimeCodeIssued.CONFIRM_SIGN_UP + "', i.code_hash, i.code_key_id, i.code_nonce, i.code_ciphertext, '"
            + CodeStatus.PENDING.slug() + "', i.expires_at, i.now FROM input i JOIN sign_up s ON s.id = i.id ORDER BY i.n), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT i.event_id, i.topic, i.message_key, i.type, "
            + "i.source, i.occurred_at, i.payload FROM input i JOIN sign_up s ON s.id = i.id ORDER BY i.n) "
            + "SELECT id FROM sign_up";

    /** A sign-up with its row version and the code that can answer it: pending, or the used one once confirmed. */
    static final String FIND = "SELECT s.id, s.hub_id, s.profile, s.channel, s.key_id, s.nonce, s.ciphertext, s.status, "
            + "s.attempts, s.expires_at, s.volunteer_id, s.xmin::text, c.id, c.code_hash FROM volunteer_sign_ups s "
            + "LEFT JOIN LATERAL (SELECT c.id, c.code_hash FROM one_time_codes c WHERE c.sign_up_id = s.id AND c.status = "
            + "CASE WHEN s.status = '" + SignUpStatus.CONFIRMED.slug() + "' THEN '" + CodeStatus.USED.slug() + "' ELSE '"
            + CodeStatus.PENDING.slug() + "' END LIMIT 1) c ON true WHERE s.id = $1::uuid";

    /**
     * The right code, if the sign-up is as it was read: the code is used (its sealed copy wiped), the sign-up
     * confirmed (profile, sealed contact and lookup hash wiped) and — unless the contact already belongs to a
     * volunteer, who is then the answer — the volunteer, their sealed contact and their events inserted. No row when
     * the sign-up changed since it was read.
     */
    static final String CONFIRM = "WITH existing AS (SELECT volunteer_id FROM volunteer_contacts WHERE lookup_hash = $4::text), "
            + "sign_up AS (UPDATE volunteer_sign_ups SET status = '" + SignUpStatus.CONFIRMED.slug() + "', "
            + "volunteer_id = COALESCE((SELECT volunteer_id FROM existing), $6::uuid), profile = NULL, key_id = NULL, "
            + "nonce = NULL, ciphertext = NULL, lookup_hash = NULL, updated_at = $5::timestamptz "
            + "WHERE id = $1::uuid AND xmin::text = $2::text AND status = '" + SignUpStatus.PENDING.slug() + "' RETURNING volunteer_id), "
            + "code AS (UPDATE one_time_codes SET status = '" + CodeStatus.USED.slug() + "', key_id = NULL, nonce = NULL, "
            + "ciphertext = NULL WHERE id = $3::uuid AND status = '" + CodeStatus.PENDING.slug() + "' "
            + "AND EXISTS (SELECT 1 FROM sign_up)), "
            + "volunteer AS (INSERT INTO volunteers (" + VOLUNTEER_COLUMNS + ") SELECT $6::uuid, $7::text, $8::uuid, $9::text, "
            + "$10::float8, $11::float8, $12::text, $13::int8, $14::int8, $15::float8, $16::text, $17::text, $18::text, "
            + "$19::text, $20::text, $21::bool, $22::int4, $23::int4, $24::bool, $25::text, $5::timestamptz, $5::timestamptz, 0 "
            + "FROM sign_up WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id), "
            + "contact AS (INSERT INTO volunteer_contacts (" + CONTACT_COLUMNS + ") SELECT id, $26::text, $27::text, $28::bytea, "
            + "$29::bytea, $4::text, $30::timestamptz FROM volunteer), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT e.event_id, e.topic, e.message_key, e.type, "
            + "e.source, e.occurred_at, e.payload FROM volunteer, unnest($31::uuid[], $32::text[], $33::text[], $34::text[], "
            + "$35::text[], $36::timestamptz[], $37::text[]) "
            + "WITH ORDINALITY AS e(event_id, topic, message_key, type, source, occurred_at, payload, n) ORDER BY e.n) "
            + "SELECT s.volunteer_id, EXISTS (SELECT 1 FROM volunteer) FROM sign_up s";

    /** A wrong code counted, if the sign-up is as it was read; at the last try the sign-up locks and the code goes. */
    static final String WRONG_CODE = "WITH sign_up AS (UPDATE volunteer_sign_ups SET attempts = $3::int4, status = $4::text, "
            + "updated_at = $5::timestamptz WHERE id = $1::uuid AND xmin::text = $2::text AND status = '"
            + SignUpStatus.PENDING.slug() + "' RETURNING id), "
            + "code AS (UPDATE one_time_codes SET status = '" + CodeStatus.LOCKED.slug() + "', key_id = NULL, nonce = NULL, "
            + "ciphertext = NULL WHERE id = $6::uuid AND $4::text = '" + SignUpStatus.LOCKED.slug() + "' "
            + "AND EXISTS (SELECT 1 FROM sign_up)) "
            + "SELECT count(*) FROM sign_up";

    @Inject
    Pool pool;
    /** Each statement is its own transaction: once it returns, its outbox rows are committed and can go. */
    @Inject
    OutboxRelay relay;

    /** A sealed value as it is stored: the key that sealed it, nonce and ciphertext. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    /** Everything a first sign-up writes: the pending sign-up, its first code and the OneTimeCodeIssued row. */
    public record NewSignUp(UUID id, UUID hubId, String profile, String channel, Sealed contact, String lookupHash,
                            String language, Instant expiresAt, Instant now, UUID codeId, String codeHash, Sealed code,
                            OutboxRow event) {
    }

    /** A sign-up as a confirmation reads it; {@code codeId} and {@code codeHash} are null when no code can answer. */
    public record Found(UUID id, UUID hubId, String profile, String channel, Sealed contact, SignUpStatus status, int attempts,
                        Instant expiresAt, UUID volunteerId, String version, UUID codeId, String codeHash) {
        public boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** What a confirmation wrote: the volunteer the sign-up became, and whether this confirmation created them. */
    public record Became(UUID volunteerId, boolean created) {
    }

    /** Writes the sign-ups in one statement (all or none); answers the ids of those inserted. */
    public Uni<Set<UUID>> insertNew(List<NewSignUp> batch) {
        int n = batch.size();
        UUID[] id = new UUID[n];
        UUID[] hubId = new UUID[n];
        String[] profile = new String[n];
        String[] channel = new String[n];
        String[] keyId = new String[n];
        Buffer[] nonce = new Buffer[n];
        Buffer[] ciphertext = new Buffer[n];
        String[] lookupHash = new String[n];
        String[] language = new String[n];
        OffsetDateTime[] expiresAt = new OffsetDateTime[n];
        OffsetDateTime[] now = new OffsetDateTime[n];
        UUID[] codeId = new UUID[n];
        String[] codeHash = new String[n];
        String[] codeKeyId = new String[n];
        Buffer[] codeNonce = new Buffer[n];
        Buffer[] codeCiphertext = new Buffer[n];
        for (int i = 0; i < n; i++) {
            NewSignUp s = batch.get(i);
            id[i] = s.id();
            hubId[i] = s.hubId();
            profile[i] = s.profile();
            channel[i] = s.channel();
            keyId[i] = s.contact().keyId();
            nonce[i] = Buffer.buffer(s.contact().nonce());
            ciphertext[i] = Buffer.buffer(s.contact().ciphertext());
            lookupHash[i] = s.lookupHash();
            language[i] = s.language();
            expiresAt[i] = utc(s.expiresAt());
            now[i] = utc(s.now());
            codeId[i] = s.codeId();
            codeHash[i] = s.codeHash();
            codeKeyId[i] = s.code().keyId();
            codeNonce[i] = Buffer.buffer(s.code().nonce());
            codeCiphertext[i] = Buffer.buffer(s.code().ciphertext());
        }
        // A mutable list: the client may convert values in place while encoding them.
        List<Object> columns = new ArrayList<>(Arrays.asList(id, hubId, profile, channel, keyId, nonce, ciphertext, lookupHash,
                language, expiresAt, now, codeId, codeHash, codeKeyId, codeNonce, codeCiphertext));
        columns.addAll(OutboxRow.columns(batch.stream().map(NewSignUp::event).toList()));
        Tuple values = Tuple.wrap(columns);
        return pool.preparedQuery(INSERT_NEW).execute(values).invoke(relay::wake).map(rows -> {
            Set<UUID> inserted = new HashSet<>();
            for (Row row : rows) {
                inserted.add(row.getUUID(0));
            }
            return inserted;
        });
    }

    /** One round trip, no lock: see {@link #confirm} and {@link #wrongCode} for how the write checks what was read. */
    public Uni<Optional<Found>> find(UUID signUpId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(signUpId)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row r = it.next();
            io.vertx.mutiny.core.buffer.Buffer nonce = r.getBuffer(5);
            io.vertx.mutiny.core.buffer.Buffer ciphertext = r.getBuffer(6);
            Sealed contact = ciphertext == null ? null
                    : new Sealed(r.getString(4), nonce.getBytes(), ciphertext.getBytes());
            OffsetDateTime expiresAt = r.getOffsetDateTime(9);
            return Optional.of(new Found(r.getUUID(0), r.getUUID(1), r.getString(2), r.getString(3), contact,
                    SignUpStatus.fromSlug(r.getString(7)), r.getInteger(8), expiresAt.toInstant(), r.getUUID(10),
                    r.getString(11), r.getUUID(12), r.getString(13)));
        });
    }

    /**
     * The right code: one statement (see {@link #CONFIRM}); the volunteer {@code p}, contact {@code c} and
     * {@code events} are written only if the contact ({@code lookupHash}) is not registered yet. Empty when the
     * sign-up changed since {@code found} was read. Fails with a unique violation when someone registered the same
     * contact after this statement looked.
     */
    public Uni<Optional<Became>> confirm(Found found, String lookupHash, Instant now, VolunteerEntity p,
                                         VolunteerContactEntity c, List<OutboxRow> outboxRows) {
        List<Object> values = new ArrayList<>(Arrays.asList(found.id(), found.version(), found.codeId(), lookupHash,
                utc(now), p.id, p.displayName, p.hubId, p.hubs, p.lat, p.lon, p.area, p.h3Fine, p.h3Coarse, p.radiusKm,
                p.skills, p.verifiedSkills, p.languages, p.availability, p.timezone, p.onDuty, p.maxTasksPerWeek,
                p.restHours, p.smsOnly, p.registeredBy, c.channel, c.keyId, Buffer.buffer(c.nonce),
                Buffer.buffer(c.ciphertext), utc(c.createdAt)));
        values.addAll(OutboxRow.columns(outboxRows));
        return pool.preparedQuery(CONFIRM).execute(Tuple.wrap(values)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.<Became>empty();
            }
            Row row = it.next();
            return Optional.of(new Became(row.getUUID(0), row.getBoolean(1)));
        }).invoke(became -> {
            if (became.isPresent() && became.get().created()) {
                relay.wake();
            }
        });
    }

    /** A wrong code counted ({@code locked}: the last try). False when the sign-up changed since it was read. */
    public Uni<Boolean> wrongCode(Found found, int attempts, boolean locked, Instant now) {
        List<Object> values = Arrays.asList(found.id(), found.version(), attempts,
                (locked ? SignUpStatus.LOCKED : SignUpStatus.PENDING).slug(), utc(now), found.codeId());
        return pool.preparedQuery(WRONG_CODE).execute(Tuple.wrap(values)).map(rows -> rows.iterator().next().getLong(0) == 1);
    }
}
