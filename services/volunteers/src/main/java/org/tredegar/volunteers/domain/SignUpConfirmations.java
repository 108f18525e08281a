package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.platform.outbox.ProducerSchemaCheck;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.SignUpStatement;
import org.tredegar.volunteers.persistence.UniqueViolations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Step two of a sign-up by code ({@link CodeSignUps}): the right code registers the volunteer exactly as a
 * coordinator registering someone without an account would ({@link Registry#confirmed}). Wrong codes count
 * ({@code max-attempts} of them lock the sign-up until a new sign-up makes a new code) and are committed, so the
 * caller turns them into errors only after this returns. Confirming again with the right code gives the same
 * volunteer.
 */
@ApplicationScoped
public class SignUpConfirmations {
    /**
     * Reads and decisions per confirmation: each write checks the sign-up is as read and, when it was changed
     * meanwhile (a concurrent confirmation or new code), the confirmation reads it again.
     */
    static final int CONFIRM_TRIES = 5;

    @Inject
    Registry registry;
    @Inject
    SignUpSecrets secrets;
    @Inject
    SealedContacts contacts;
    @Inject
    SignUpStatement statement;
    @Inject
    ObjectMapper json;
    /** Which outgoing events are checked against their schema (ADR 0006), as OutboxWriter does. */
    @Inject
    ProducerSchemaCheck schemaCheck;

    @ConfigProperty(name = "tredegar.sign-ups.max-attempts", defaultValue = "5")
    int maxAttempts;

    /** What a confirmation came to; {@code volunteerId} only for CREATED and ALREADY. */
    public record Confirmation(Outcome outcome, UUID volunteerId, int triesLeft) {
        static Confirmation of(Outcome outcome) {
            return new Confirmation(outcome, null, 0);
        }
    }

    public enum Outcome { CREATED, ALREADY, WRONG_CODE, LOCKED, EXPIRED, NOT_FOUND }

    /** {@code answer}: the code as the person typed it (spaces around it are forgiven). */
    public Uni<Confirmation> confirm(UUID signUpId, String answer) {
        return confirmOnce(signUpId, answer.strip(), CONFIRM_TRIES);
    }

    /**
     * One read, decided in Java, then at most one write that checks the sign-up is still as read (else: read again).
     * A coordinator registering the same contact at the same moment wins the unique contact hash; read again, this
     * confirmation then finds that volunteer.
     */
    private Uni<Confirmation> confirmOnce(UUID signUpId, String code, int tries) {
        Instant now = StoredTime.now();
        return statement.find(signUpId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Confirmation.of(Outcome.NOT_FOUND));
            }
            SignUpStatement.Found s = found.get();
            if (s.status() == SignUpStatus.CONFIRMED) {
                return Uni.createFrom().item(s.codeId() != null && secrets.matches(s.codeId(), s.codeHash(), code)
                        ? new Confirmation(Outcome.ALREADY, s.volunteerId(), 0)
                        : new Confirmation(Outcome.WRONG_CODE, null, 0));
            }
            if (s.status() == SignUpStatus.LOCKED) {
                return Uni.createFrom().item(Confirmation.of(Outcome.LOCKED));
            }
            if (s.expired(now) || s.codeId() == null) {
                return Uni.createFrom().item(Confirmation.of(Outcome.EXPIRED));
            }
            if (!secrets.matches(s.codeId(), s.codeHash(), code)) {
                int attempts = s.attempts() + 1;
                boolean locked = attempts >= maxAttempts;
                return statement.wrongCode(s, attempts, locked, now).chain(counted -> !counted ? again(signUpId, code, tries)
                        : Uni.createFrom().item(locked ? Confirmation.of(Outcome.LOCKED)
                        : new Confirmation(Outcome.WRONG_CODE, null, maxAttempts - attempts)));
            }
            Profile profile = profileOf(s);
            Registry.Confirmed v = registry.confirmed(profile, "sign-up:" + s.id(), now);
            List<OutboxRow> events = v.events().stream().map(e -> OutboxRow.of(e, now, schemaCheck)).toList();
            return statement.confirm(s, contacts.lookupHash(profile.contact()), now, v.volunteer(), v.contact(), events)
                    .onFailure(e -> tries > 1 && UniqueViolations.onPool(e)).recoverWithItem(Optional.empty())
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

    /** The pending profile with its contact opened again, as the registry takes it. */
    private Profile profileOf(SignUpStatement.Found s) {
        SignUpStatement.Sealed c = s.contact();
        String value = secrets.openContact(s.id(), new ContactCipher.Sealed(c.keyId(), c.nonce(), c.ciphertext()));
        return PendingProfiles.read(json, s.profile(), new Profile.Contact(ContactChannel.fromSlug(s.channel()), value));
    }
}
