package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.outbox.ProducerSchemaCheck;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.OneTimeCodeEntity;
import org.tredegar.volunteers.persistence.OneTimeCodes;
import org.tredegar.volunteers.persistence.SignUpBatches;
import org.tredegar.volunteers.persistence.SignUpEntity;
import org.tredegar.volunteers.persistence.SignUpStatement;
import org.tredegar.volunteers.persistence.SignUps;
import org.tredegar.volunteers.persistence.UniqueViolations;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Sign-up without an account, for the flood path: a phone number or email proven by a six-digit code, then the
 * person works entirely by SMS or email. Step one, here, keeps the profile and the sealed contact as a pending
 * sign-up, makes a code ({@link SignUpSecrets}: only its keyed hash is kept for checking, plus a sealed copy the
 * notifications service fetches once to send it, wiped when the code is used, replaced or expires) and announces it
 * by OneTimeCodeIssued — in one transaction. Step two, the right code, registers the volunteer exactly as a
 * coordinator registering someone without an account would ({@link SignUpConfirmations}).
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

    @Inject
    SignUpSecrets secrets;
    /** A sign-up is found by its contact's keyed hash, the very one the volunteer's contact will be found by. */
    @Inject
    SealedContacts contacts;
    @Inject
    OutboxWriter outbox;
    @Inject
    ObjectMapper json;
    @Inject
    SignUpBatches batches;
    @Inject
    SignUps signUps;
    @Inject
    OneTimeCodes codes;
    /** Which outgoing events are checked against their schema (ADR 0006), as OutboxWriter does. */
    @Inject
    ProducerSchemaCheck schemaCheck;

    @ConfigProperty(name = "tredegar.sign-ups.max-codes", defaultValue = "5")
    int maxCodes;

    public record Accepted(UUID signUpId, Instant expiresAt) {
    }

    /**
     * Step one, for {@code profile} with its contact; the code is sent in {@code language} (null: the first of the
     * profile's languages). A second sign-up for a contact with one still open replaces its profile and its code (a
     * new code id; the old code stops working) and keeps the sign-up id; past {@code max-codes} codes in one open
     * sign-up no more are made (the answer looks the same) until it expires.
     */
    public Uni<Accepted> start(Profile profile, String language) {
        ProfileRules.listShapes(profile.hubs(), profile.languages());
        ProfileRules.availability(profile.availability());
        ContactChannel channel = profile.contact().channel();
        if (channel != ContactChannel.SMS && channel != ContactChannel.EMAIL) {
            throw ApiProblem.badField("contact.channel", "must be sms or email (the code is sent there)");
        }
        String codeLanguage = codeLanguage(language, profile);
        String stored = PendingProfiles.store(json, profile);
        String hash = contacts.lookupHash(profile.contact());
        SignUpStatement.NewSignUp first = first(profile, stored, codeLanguage, hash);
        // The common case, a contact's first sign-up, in a shared statement; a contact with a sign-up still open (the
        // statement inserted nothing for it) has its code replaced.
        return batches.insert(first).chain(inserted -> inserted
                ? Uni.createFrom().item(new Accepted(first.id(), first.expiresAt()))
                : replace(profile, stored, codeLanguage, hash));
    }

    /** A new pending sign-up with its first code and OneTimeCodeIssued, as {@link #reopen} and {@link #issueCode} make them. */
    private SignUpStatement.NewSignUp first(Profile profile, String stored, String language, String hash) {
        Instant now = StoredTime.now();
        UUID id = UUID.randomUUID();
        UUID hubId = HubIds.idOf(profile.hubs().get(0));
        ContactCipher.Sealed contact = secrets.sealContact(id, profile.contact().value());
        SignUpSecrets.NewCode code = secrets.newCode(now);
        OutboxRow event = OutboxRow.of(new OneTimeCodeIssued(code.id(), id, hubId, OneTimeCodeIssued.CONFIRM_SIGN_UP,
                language, code.expiresAt(), now), now, schemaCheck);
        return new SignUpStatement.NewSignUp(id, hubId, stored, profile.contact().channel().slug(), sealed(contact), hash,
                language, code.expiresAt(), now, code.id(), code.hash(), sealed(code.sealed()), event);
    }

    private Uni<Accepted> replace(Profile profile, String stored, String language, String hash) {
        // Two first sign-ups for one contact racing here (the open one was confirmed or forgotten meanwhile): the
        // unique lookup hash lets one insert; the other, run again, finds that one and replaces its code.
        return Panache.withTransaction(() -> reopen(profile, stored, language, hash))
                .onFailure(UniqueViolations::inSession)
                .recoverWithUni(e -> Panache.withTransaction(() -> reopen(profile, stored, language, hash)));
    }

    /** The contact's sign-up, locked: made afresh if it went meanwhile, else given the new profile and a new code. */
    private Uni<Accepted> reopen(Profile profile, String stored, String language, String hash) {
        Instant now = StoredTime.now();
        return signUps.lockByLookupHash(hash).chain(existing -> {
            if (existing == null) {
                SignUpEntity s = new SignUpEntity();
                s.id = UUID.randomUUID();
                s.createdAt = now;
                s.lookupHash = hash;
                fill(s, profile, stored, language);
                s.status = SignUpStatus.PENDING;
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
            return codes.replacePending(existing.id).chain(() -> issueCode(existing, now));
        });
    }

    private void fill(SignUpEntity s, Profile profile, String stored, String language) {
        s.hubId = HubIds.idOf(profile.hubs().get(0));
        s.profile = stored;
        s.channel = profile.contact().channel().slug();
        ContactCipher.Sealed sealed = secrets.sealContact(s.id, profile.contact().value());
        s.keyId = sealed.keyId();
        s.nonce = sealed.nonce();
        s.ciphertext = sealed.ciphertext();
        s.language = language;
    }

    private Uni<Accepted> issueCode(SignUpEntity s, Instant now) {
        SignUpSecrets.NewCode code = secrets.newCode(now);
        OneTimeCodeEntity c = new OneTimeCodeEntity();
        c.id = code.id();
        c.signUpId = s.id;
        c.purpose = OneTimeCodeIssued.CONFIRM_SIGN_UP;
        c.codeHash = code.hash();
        c.keyId = code.sealed().keyId();
        c.nonce = code.sealed().nonce();
        c.ciphertext = code.sealed().ciphertext();
        c.status = CodeStatus.PENDING;
        c.createdAt = now;
        c.expiresAt = code.expiresAt();
        s.status = SignUpStatus.PENDING;
        s.attempts = 0;
        s.codesIssued++;
        s.expiresAt = c.expiresAt;
        s.updatedAt = now;
        return c.<OneTimeCodeEntity>persist()
                .call(() -> outbox.append(new OneTimeCodeIssued(c.id, s.id, s.hubId, OneTimeCodeIssued.CONFIRM_SIGN_UP,
                        s.language, c.expiresAt, now)))
                .map(saved -> new Accepted(s.id, s.expiresAt));
    }

    private static String codeLanguage(String asked, Profile profile) {
        String language = asked != null ? asked : profile.languages().get(0);
        if (!language.matches(ProfileRules.LANGUAGE)) {
            throw ApiProblem.badField("language", "must be a BCP 47 language tag such as en or cy");
        }
        return language.toLowerCase(Locale.ROOT);
    }

    private static SignUpStatement.Sealed sealed(ContactCipher.Sealed sealed) {
        return new SignUpStatement.Sealed(sealed.keyId(), sealed.nonce(), sealed.ciphertext());
    }
}
