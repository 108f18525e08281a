package org.tredegar.platform.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * One-time codes, made and kept the same way by every service that sends them: six digits (easy to read out or
 * type from a text), checked against a keyed hash (a stolen database does not give codes away), and sealed with the
 * contact keys only until used or expired, so the notifications service can fetch and send it
 * ({@link OneTimeCode}). What a code is for, how many tries it allows and how long it lives are the owner's rules.
 */
@ApplicationScoped
public class OneTimeCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ContactCipher cipher;

    public String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** The keyed hash to keep; {@code scope} binds it to one thing (a code id, a request), so hashes cannot be swapped. */
    public String hash(String scope, String code) {
        return cipher.lookupHash(scope, code.trim());
    }

    /** Whether an answer matches a kept hash, in constant time (timing tells nothing about the code). */
    public boolean matches(String keptHash, String scope, String answer) {
        if (keptHash == null || answer == null || answer.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(keptHash.getBytes(StandardCharsets.UTF_8),
                hash(scope, answer).getBytes(StandardCharsets.UTF_8));
    }

    /** The code sealed for delivery; the code id is bound in, so a sealed copy opens only as its own code. */
    public ContactCipher.Sealed seal(UUID codeId, String code) {
        return cipher.seal(code, associatedData(codeId));
    }

    public String open(UUID codeId, ContactCipher.Sealed sealed) {
        return cipher.open(sealed, associatedData(codeId));
    }

    /** The one answer for a code that was used, replaced, locked or has expired: ask for a new one. */
    public static ApiProblem gone(String detail) {
        return ApiProblem.gone("one-time-code-gone", detail);
    }

    static String associatedData(UUID codeId) {
        return "one-time-code:" + codeId;
    }
}
