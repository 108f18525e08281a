package org.tredegar.sandbox.provider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs webhook calls the way the provider does: X-Twilio-Signature = base64(HMAC-SHA1(auth token, the URL called
 * + each POST parameter's name and value, sorted by name)).
 *
 * <p>Written again here on purpose, not taken from infra/platform's TwilioSignature: the sandbox plays the provider,
 * and a provider that shared our verifier's code would also share its bugs, so a wrong signature scheme would sign
 * and verify "fine" locally and fail against the real provider.
 */
public final class TwilioSignature {
    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
