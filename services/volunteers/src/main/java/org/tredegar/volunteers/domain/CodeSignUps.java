package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.platform.outbox.ProducerSchemaCheck;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.api.CodeSignUp;
import org.tredegar.volunteers.api.SignUp;
import org.tredegar.volunteers.persistence.OneTimeCodeEntity;
import org.tredegar.volunteers.persistence.SignUpBatches;
import org.tredegar.volunteers.persistence.SignUpEntity;
import org.tredegar.volunteers.persistence.SignUpStatement;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up without an account, for the flood path: a phone number or email proven by a six-digit code, then the
 * person works entirely by SMS or email. Step one keeps the profile and the sealed contact as a pending sign-up,
 * makes a code (only its keyed hash is kept for checking, plus a sealed copy the notifications service fetches
 * once to send it, wiped when the code is used, replaced or expires) and announces it by OneTimeCodeIssued — in one
 * transaction. Step two, the right code, registers the volunteer exactly as a coordinator registering someone
 * without an account would ({@link Registry#confirmed}).
 * <p>
 * Both steps are built for a flood (issue 5): a first sign-up for a contact is one SQL statement shared with the
 * sign-ups arriving at the same moment ({@link SignUpBatches}); a confirmation is one read and one write
 * ({@link SignUpStatement}). Only a sign-up for a contact with one still open takes the slower path through
 * Hibernate, which replaces its code.
 * <p>
 * Nothing here tells a caller whether a contact is already registered: step one answers the same either way, and
 * only someone who proves the contact with the code learns the volunteer id it belongs to.
 */
@ApplicationScoped
public class CodeSignUps {
    private static final Logger LOG = Logger.getLogger(CodeSignUps.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Reads and decisions per confirmation: each write checks the sign-up is as read and, when it was changed
     * meanwhile (a concurrent confirmation or new code), the confirmation reads it again.
     */
    static final int CONFIRM_TRIES = 5;

    @Inject
    Registry registry;
    @Inject
    ContactCipher cipher;
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;
    @Inject
    SignUpStatement statement;
    @Inject
    SignUpBatches batches;

    @ConfigProperty(name = "tredegar.sign-ups.code-valid-for", defaultValue = "PT15M")
    Duration codeValidFor;
    @ConfigProperty(name = "tredegar.sign-ups.max-attempts", defaultValue = "5")
    int maxAttempts;
    @ConfigProperty(name = "tredegar.sign-ups.max-codes", defaultValue = "5")
    int maxCodes;
    @ConfigProperty(name = "tredegar.sign-ups.forget-after", defaultValue = "P1D")
    Duration forgetAfter;
    /** Which outgoing events are checked against their schema (ADR 0006), as OutboxWriter does. */
    @Inject
    ProducerSchemaCheck schemaCheck;

    public record Accepted(UUID signUpId, Instant expiresAt) {
    }

    /** What a confirmation came to; {@code volunteerId} only for CREATED and ALREADY. */
    public record Confirmation(Outcome outcome, UUID volunteerId, int triesLeft) {
        static Confirmation of(Outcome outcome) {
            return new Confirmation(outcome, null, 0);
        }
    }

    public enum Outcome { CREATED, ALREADY, WRONG_CODE, LOCKED, EXPIRED, NOT_FOUND }

    public record OpenedCode(String channel, String value, String code, String language, String purpose, Instant expiresAt) {
    }

    /**
     * Step one. A second sign-up for a contact with one still open replaces its profile and its code (a new code
     * id; the old code stops working) and keeps the sign-up id; past {@code max-codes} codes in one open sign-up no
     * more are made (the answer looks the same) until it expires.
     */
    public Uni<Accepted> start(CodeSignUp body) {
        SignUp profile = body.profile();
        ProfileRules.listShapes(profile.hubs(), profile.languages());
        ProfileRules.availability(profile.availability());
        ContactChannel channel = body.contact().channel();
        if (channel != ContactChannel.SMS && channel != ContactChannel.EMAIL) {
            throw ApiProblem.badField("contact.channel", "must be sms or email (the code is sent there)");
        }
        String language = language(body);
        String stored = store(profile);
        String hash = cipher.lookupHash(channel.slug(), body.contact().value());
        SignUpStatement.NewSignUp first = first(profile, stored, language, hash);
        // The common case, a contact's first sign-up, in a shared statement; a contact with a sign-up still open (the
        // statement inserted nothing for it) has its code replaced.
        return batches.insert(first).chain(inserted -> inserted
                ? Uni.createFrom().item(new Accepted(first.id(), first.expiresAt()))
                : replace(profile, stored, language, hash));
    }

    /** A new pending sign-up with its first code and OneTimeCodeIssued, as {@link #open} and {@link #issueCode} make them. */
    private SignUpStatement.NewSignUp first(SignUp profile, String stored, String language, String hash) {
        Instant now = now();
        UUID id = UUID.randomUUID();
        UUID hubId = HubIds.idOf(profile.hubs().get(0));
        ContactCipher.Sealed contact = cipher.seal(profile.contact().value(), contactData(id));
        UUID codeId = UUID.randomUUID();
        String code = newCode();
        ContactCipher.Sealed sealedCode = cipher.seal(code, codeData(codeId));
        Instant expiresAt = now.plus(codeValidFor);
        OutboxRow event = OutboxRow.of(new OneTimeCodeIssued(codeId, id, hubId, OneTimeCodeIssued.CONFIRM_SIGN_UP, language,
                expiresAt, now), now, schemaCheck);
        return new SignUpStatement.NewSignUp(id, hubId, stored, profile.contact().channel().slug(),
                new SignUpStatement.Sealed(contact.keyId(), contact.nonce(), contact.ciphertext()), hash, language, expiresAt,
                now, codeId, codeHash(codeId, code),
                new SignUpStatement.Sealed(sealedCode.keyId(), sealedCode.nonce(), sealedCode.ciphertext()), event);
    }

    private Uni<Accepted> replace(SignUp profile, String stored, String language, String hash) {
        // Two first sign-ups for one contact racing here (the open one was confirmed or forgotten meanwhile): the
        // unique lookup hash lets one insert; the other, run again, finds that one and replaces its code.
        return Panache.withTransaction(() -> open(profile, stored, language, hash))
                .onFailure(Registry::isUniqueViolation)
                .recoverWithUni(e -> Panache.withTransaction(() -> open(profile, stored, language, hash)));
    }

    private Uni<Accepted> open(SignUp profile, String stored, String language, String hash) {
        Instant now = now();
        return SignUpEntity.<SignUpEntity>find("lookupHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(existing -> {
                    if (existing == null) {
                        SignUpEntity s = new SignUpEntity();
                        s.id = UUID.randomUUID();
                        s.createdAt = now;
                        s.lookupHash = hash;
                        fill(s, profile, stored, language);
                        s.status = SignUpEntity.PENDING;
                        s.expiresAt = now;
                        s.updatedAt = now;
                        return s.<SignUpEntity>persist().chain(() -> issueCode(s, now));
                    }
                    boolean reopened = existing.expired(now);
                    if (!reopened && existing.codesIssued >= maxCodes) {
                        LOG.debugf("sign-up %s has had %d codes; no more until it expires", existing.id, existing.codesIssued);
                        return Uni.createFrom().item(new Accepted(existing.id, existing.expiresAt));
                    }
                    fill(existing, profile, stored, language);
                    if (reopened) {
                        existing.codesIssued = 0;
                    }
                    return retireCodes(existing.id).chain(() -> issueCode(existing, now));
                });
    }

    private void fill(SignUpEntity s, SignUp profile, String stored, String language) {
        s.hubId = HubIds.idOf(profile.hubs().get(0));
        s.profile = stored;
        s.channel = profile.contact().channel().slug();
        ContactCipher.Sealed sealed = cipher.seal(profile.contact().value(), contactData(s.id));
        s.keyId = sealed.keyId();
        s.nonce = sealed.nonce();
        s.ciphertext = sealed.ciphertext();
        s.language = language;
    }

    /** The open code (if any) stops working and its sealed copy goes; a fetch of it answers 410 from now on. */
    private Uni<Integer> retireCodes(UUID signUpId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE one_time_codes SET status = 'replaced', "
                        + "key_id = NULL, nonce = NULL, ciphertext = NULL WHERE sign_up_id = ?1 AND status = 'pending'")
                .setParameter(1, signUpId).executeUpdate());
    }

    private Uni<Accepted> issueCode(SignUpEntity s, Instant now) {
        String code = newCode();
        OneTimeCodeEntity c = new OneTimeCodeEntity();
        c.id = UUID.randomUUID();
        c.signUpId = s.id;
        c.purpose = OneTimeCodeIssued.CONFIRM_SIGN_UP;
        c.codeHash = codeHash(c.id, code);
        ContactCipher.Sealed sealed = cipher.seal(code, codeData(c.id));
        c.keyId = sealed.keyId();
        c.nonce = sealed.nonce();
        c.ciphertext = sealed.ciphertext();
        c.status = OneTimeCodeEntity.PENDING;
        c.createdAt = now;
        c.expiresAt = now.plus(codeValidFor);
        s.status = SignUpEntity.PENDING;
        s.attempts = 0;
        s.codesIssued++;
        s.expiresAt = c.expiresAt;
        s.updatedAt = now;
        return c.<OneTimeCodeEntity>persist()
                .call(() -> outbox.append(new OneTimeCodeIssued(c.id, s.id, s.hubId, OneTimeCodeIssued.CONFIRM_SIGN_UP,
                        s.language, c.expiresAt, now)))
                .map(saved -> new Accepted(s.id, s.expiresAt));
    }

    /**
     * Step two. Wrong codes count ({@code max-attempts} of them lock the sign-up until a new sign-up makes a new
     * code) and are committed, so the caller turns them into errors only after this returns. Confirming again with
     * the right code gives the same volunteer.
     */
    public Uni<Confirmation> confirm(UUID signUpId, String answer) {
        return confirmOnce(signUpId, answer.strip(), CONFIRM_TRIES);
    }

    /**
     * One read, decided in Java, then at most one write that checks the sign-up is still as read (else: read again).
     * A coordinator registering the same contact at the same moment wins the unique contact hash; read again, this
     * confirmation then finds that volunteer.
     */
    private Uni<Confirmation> confirmOnce(UUID signUpId, String code, int tries) {
        Instant now = now();
        return statement.find(signUpId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Confirmation.of(Outcome.NOT_FOUND));
            }
            SignUpStatement.Found s = found.get();
            if (SignUpEntity.CONFIRMED.equals(s.status())) {
                return Uni.createFrom().item(s.codeId() != null && matches(s.codeId(), s.codeHash(), code)
                        ? new Confirmation(Outcome.ALREADY, s.volunteerId(), 0)
                        : new Confirmation(Outcome.WRONG_CODE, null, 0));
            }
            if (SignUpEntity.LOCKED.equals(s.status())) {
                return Uni.createFrom().item(Confirmation.of(Outcome.LOCKED));
            }
            if (s.expired(now) || s.codeId() == null) {
                return Uni.createFrom().item(Confirmation.of(Outcome.EXPIRED));
            }
            if (!matches(s.codeId(), s.codeHash(), code)) {
                int attempts = s.attempts() + 1;
                boolean locked = attempts >= maxAttempts;
                return statement.wrongCode(s, attempts, locked, now).chain(counted -> !counted ? again(signUpId, code, tries)
                        : Uni.createFrom().item(locked ? Confirmation.of(Outcome.LOCKED)
                        : new Confirmation(Outcome.WRONG_CODE, null, maxAttempts - attempts)));
            }
            SignUp profile = profileOf(s);
            Registry.Confirmed v = registry.confirmed(profile, "sign-up:" + s.id(), now);
            List<OutboxRow> events = v.events().stream().map(e -> OutboxRow.of(e, now, schemaCheck)).toList();
            String hash = cipher.lookupHash(profile.contact().channel().slug(), profile.contact().value());
            return statement.confirm(s, hash, now, v.volunteer(), v.contact(), events)
                    .onFailure(e -> tries > 1 && SignUpStatement.uniqueViolation(e)).recoverWithItem(Optional.empty())
                    .chain(became -> became.isEmpty() ? again(signUpId, code, tries)
                            : Uni.createFrom().item(new Confirmation(became.get().created() ? Outcome.CREATED : Outcome.ALREADY,
                            became.get().volunteerId(), 0)));
        });
    }

    private Uni<Confirmation> again(UUID signUpId, String code, int tries) {
        if (tries <= 1) {
            return Uni.createFrom().failure(ApiProblem.conflict("sign-up-busy",
                    "this sign-up kept changing while it was being confirmed; try again"));
        }
        return confirmOnce(signUpId, code, tries - 1);
    }

    /**
     * The code and where to send it, for the notifications service (role service) at send time. Only while the
     * code can still be answered: used, replaced, locked or expired codes are gone (410). Each read is written to
     * the home hub's audit trail, by id.
     */
    public Uni<OpenedCode> openCode(UUID codeId, String actor) {
        Instant now = now();
        return Panache.withTransaction(() -> OneTimeCodeEntity.<OneTimeCodeEntity>findById(codeId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("one-time code " + codeId))
                .chain(c -> {
                    if (!OneTimeCodeEntity.PENDING.equals(c.status) || c.ciphertext == null || !c.expiresAt.isAfter(now)) {
                        throw gone();
                    }
                    return SignUpEntity.<SignUpEntity>findById(c.signUpId).chain(s -> {
                        if (s == null || s.ciphertext == null || !SignUpEntity.PENDING.equals(s.status)) {
                            throw gone();
                        }
                        String code = cipher.open(new ContactCipher.Sealed(c.keyId, c.nonce, c.ciphertext), codeData(c.id));
                        String value = cipher.open(new ContactCipher.Sealed(s.keyId, s.nonce, s.ciphertext), contactData(s.id));
                        return audit.record(s.hubId, actor, "volunteer.one-time-code-read", c.id.toString(), s.channel)
                                .replaceWith(new OpenedCode(s.channel, value, code, s.language, c.purpose, c.expiresAt));
                    });
                }));
    }

    @Scheduled(identity = "sign-up-cleanup", every = "${tredegar.sign-ups.cleanup-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return cleanUp(Instant.now()).onFailure().invoke(e -> LOG.warnf("sign-up cleanup failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Expired codes lose their sealed copy; sign-ups {@code forget-after} past their last code's expiry are deleted
     * with their codes (an unconfirmed one with its profile and sealed contact). Returns how many codes were wiped.
     */
    public Uni<Integer> cleanUp(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "UPDATE one_time_codes SET key_id = NULL, nonce = NULL, ciphertext = NULL "
                                        + "WHERE ciphertext IS NOT NULL AND expires_at <= ?1")
                        .setParameter(1, OfferRounds.utc(now)).executeUpdate()
                        .call(() -> session.createNativeQuery("DELETE FROM volunteer_sign_ups WHERE expires_at <= ?1")
                                .setParameter(1, OfferRounds.utc(now.minus(forgetAfter))).executeUpdate())));
    }

    private boolean matches(UUID codeId, String codeHash, String code) {
        return MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.UTF_8),
                codeHash(codeId, code).getBytes(StandardCharsets.UTF_8));
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    private String codeHash(UUID codeId, String code) {
        return cipher.lookupHash("one-time-code:" + codeId, code);
    }

    /** The pending profile with its contact opened again, as the registry takes it. */
    private SignUp profileOf(SignUpStatement.Found s) {
        try {
            SignUp p = json.readValue(s.profile(), SignUp.class);
            SignUpStatement.Sealed c = s.contact();
            String value = cipher.open(new ContactCipher.Sealed(c.keyId(), c.nonce(), c.ciphertext()), contactData(s.id()));
            return new SignUp(p.displayName(), p.hubs(), p.location(), p.radiusKm(), p.skills(), p.languages(),
                    p.availability(), p.onDuty(), p.limits(), new SignUp.Contact(ContactChannel.fromSlug(s.channel()), value), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored sign-up is not readable", e);
        }
    }

    /** The profile as kept until confirmation: no contact, the home already rounded as it will be stored. */
    private String store(SignUp p) {
        SignUp.Home home = new SignUp.Home(Geo.approximate(p.location().lat()), Geo.approximate(p.location().lon()),
                p.location().area());
        try {
            return json.writeValueAsString(new SignUp(p.displayName(), p.hubs(), home, p.radiusKm(), p.skills(), p.languages(),
                    p.availability(), p.onDuty(), p.limits(), null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String language(CodeSignUp body) {
        String language = body.language() != null ? body.language() : body.languages().get(0);
        if (!language.matches(ProfileRules.LANGUAGE)) {
            throw ApiProblem.badField("language", "must be a BCP 47 language tag such as en or cy");
        }
        return language.toLowerCase(Locale.ROOT);
    }

    private static String contactData(UUID signUpId) {
        return "sign-up:" + signUpId;
    }

    private static String codeData(UUID codeId) {
        return "one-time-code:" + codeId;
    }

    private static ApiProblem gone() {
        return new ApiProblem(410, "one-time-code-gone", "Gone",
                "this code was used, replaced or locked, or it has expired; it can no longer be sent");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
