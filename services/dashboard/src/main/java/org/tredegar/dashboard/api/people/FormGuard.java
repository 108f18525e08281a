package org.tredegar.dashboard.api.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Forged form posts are refused (ADR 0011): each browser gets a random value in a SameSite=Strict, HttpOnly cookie,
 * and each form it is served carries a token that binds that value to the form's own key (an HMAC with the site's
 * secret). Another site can make a browser post, but cannot read the token, and without the cookie (which a
 * cross-site post does not carry) the token fits nothing. The form key doubles as the request's idempotency key, so
 * a form sent twice (a double click, back and resend) makes one request.
 */
@ApplicationScoped
public class FormGuard {
    public static final String COOKIE = "tredegar-form";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    FormGuard(@ConfigProperty(name = "tredegar.site.form-secret") Optional<String> configured) {
        // Without a configured secret (one replica, tests) a random one per process: forms outlive no restart.
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        this.secret = configured.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(bytes);
    }

    /** A fresh form: its key (a random UUID) and its token for this browser's cookie value. */
    public Form newForm(String browser) {
        String key = UUID.randomUUID().toString();
        return new Form(key, token(browser, key));
    }

    /** The cookie value this browser already has, or a new one (then set it with {@link #cookie}). */
    public String browserOrNew(String existing) {
        if (existing != null && existing.length() >= 22 && existing.length() <= 64) {
            return existing;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public NewCookie cookie(String browser) {
        return new NewCookie.Builder(COOKIE).value(browser).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(12 * 3600).build();
    }

    /** True when the posted token was made for this browser and this form key. */
    public boolean accepts(String browser, String key, String token) {
        if (browser == null || key == null || token == null) {
            return false;
        }
        try {
            UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(token(browser, key).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(String browser, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sum = mac.doFinal((browser + "|" + key).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public record Form(String key, String token) {
    }
}
