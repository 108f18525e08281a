package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.code.OneTimeCode;
import org.tredegar.platform.code.OneTimeCodes;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.OneTimeCodeEntity;
import org.tredegar.volunteers.persistence.SignUpEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a sign-up by code keeps secret, and how: the contact sealed with AES-GCM (bound to the sign-up's id), and the
 * one-time code as the platform keeps every code ({@link OneTimeCodes}: a keyed hash to check answers against, plus
 * a sealed copy only while it can still be sent — opened once, for the notifications service, at send time).
 */
@ApplicationScoped
public class SignUpSecrets {
    @Inject
    ContactCipher cipher;
    @Inject
    AuditTrail audit;
    @Inject
    OneTimeCodes codes;

    @ConfigProperty(name = "tredegar.sign-ups.code-valid-for", defaultValue = "PT15M")
    Duration codeValidFor;

    /** A fresh code for one sign-up: the code itself, its sealed copy and its keyed hash. */
    public record NewCode(UUID id, String code, ContactCipher.Sealed sealed, String hash, Instant expiresAt) {
    }

    public NewCode newCode(Instant now) {
        UUID id = UUID.randomUUID();
        String code = codes.newCode();
        return new NewCode(id, code, codes.seal(id, code), codes.hash(hashScope(id), code), now.plus(codeValidFor));
    }

    /** Whether {@code answer} is the code with this id and hash; compared in constant time. */
    public boolean matches(UUID codeId, String codeHash, String answer) {
        return codes.matches(codeHash, hashScope(codeId), answer);
    }

    public ContactCipher.Sealed sealContact(UUID signUpId, String value) {
        return cipher.seal(value, contactData(signUpId));
    }

    public String openContact(UUID signUpId, ContactCipher.Sealed sealed) {
        return cipher.open(sealed, contactData(signUpId));
    }

    /**
     * The code and where to send it, for the notifications service (role service) at send time. Only while the
     * code can still be answered: used, replaced, locked or expired codes are gone (410). Each read is written to
     * the home hub's audit trail, by id.
     */
    public Uni<OneTimeCode> open(UUID codeId, String actor) {
        Instant now = StoredTime.now();
        return Panache.withTransaction(() -> OneTimeCodeEntity.<OneTimeCodeEntity>findById(codeId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("one-time code " + codeId))
                .chain(c -> {
                    if (c.status != CodeStatus.PENDING || c.ciphertext == null || !c.expiresAt.isAfter(now)) {
                        throw gone();
                    }
                    return SignUpEntity.<SignUpEntity>findById(c.signUpId).chain(s -> {
                        if (s == null || s.ciphertext == null || s.status != SignUpStatus.PENDING) {
                            throw gone();
                        }
                        String code = codes.open(c.id, new ContactCipher.Sealed(c.keyId, c.nonce, c.ciphertext));
                        String value = openContact(s.id, new ContactCipher.Sealed(s.keyId, s.nonce, s.ciphertext));
                        return audit.record(s.hubId, actor, "volunteer.one-time-code-read", c.id.toString(), s.channel)
                                .replaceWith(new OneTimeCode(s.channel, value, code, s.language, c.purpose, c.expiresAt));
                    });
                }));
    }

    /** Each code's hash is bound to its own id, so a hash cannot answer for another code. */
    private static String hashScope(UUID codeId) {
        return "one-time-code:" + codeId;
    }

    private static String contactData(UUID signUpId) {
        return "sign-up:" + signUpId;
    }

    private static ApiProblem gone() {
        return OneTimeCodes.gone("this code was used, replaced or locked, or it has expired; it can no longer be sent");
    }
}
