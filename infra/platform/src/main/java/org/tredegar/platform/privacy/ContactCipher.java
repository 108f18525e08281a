package org.tredegar.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encrypts contact details at rest with AES-256-GCM. Each record names the key that sealed it, so keys rotate by
 * adding a new one and making it active; old records stay readable until re-sealed or erased. Keys come only
 * from configuration ({@code tredegar.contacts.keys=id:base64,...}); none is committed for production.
 * <p>
 * {@link #lookupHash} is a keyed hash (HMAC-SHA256) for finding the same contact again (duplicate detection)
 * without storing or comparing plain text.
 */
@ApplicationScoped
public class ContactCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecretKeySpec hashKey;
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s()-]");
    // Looking up a Cipher or Mac goes through the provider list each time (~5 % of intake CPU when measured); the
    // instances are not thread-safe, so each thread keeps its own. A Cipher is re-initialised per call (new nonce).
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;

    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    public ContactCipher(@ConfigProperty(name = "tredegar.contacts.keys") String keyList,
                         @ConfigProperty(name = "tredegar.contacts.active-key") String activeKeyId,
                         @ConfigProperty(name = "tredegar.contacts.hash-key") String hashKey) {
        for (String entry : keyList.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("tredegar.contacts.keys entries look like id:base64key");
            }
            byte[] key = Base64.getDecoder().decode(parts[1]);
            if (key.length != 32) {
                throw new IllegalArgumentException("contact key " + parts[0] + " must be 32 bytes (AES-256)");
            }
            keys.put(parts[0], new SecretKeySpec(key, "AES"));
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("tredegar.contacts.active-key names no configured key");
        }
        this.activeKeyId = activeKeyId;
        this.hashKey = new SecretKeySpec(Base64.getDecoder().decode(hashKey), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.hashKey);
            return mac;
        }));
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM or HmacSHA256", e);
        }
    }

    public Sealed seal(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            // The record id is bound in as associated data: a ciphertext copied onto another record fails to open.
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new Sealed(activeKeyId, nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("contact encryption failed", e);
        }
    }

    public String open(Sealed sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("contact key " + sealed.keyId() + " is not configured (erased or rotated out)");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("contact could not be decrypted", e);
        }
    }

    /** Same contact, same hash: phone numbers and emails are normalised first (spaces, case). */
    public String lookupHash(String channel, String value) {
        String normalised = channel + ":" + PHONE_PUNCTUATION.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
        // doFinal leaves the Mac reset for the next call on this thread.
        return HexFormat.of().formatHex(macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    public String activeKeyId() {
        return activeKeyId;
    }
}
