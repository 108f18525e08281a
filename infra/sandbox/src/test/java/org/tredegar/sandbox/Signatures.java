package org.tredegar.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tests' own computation of the provider's signature, written from the provider's documentation and not from
 * the sandbox's signer, so a bug there cannot hide here: base64(HMAC-SHA1(token, URL + name1 + value1 + ...)), the
 * parameters in name order.
 */
final class Signatures {
    static final String AUTH_TOKEN = "test-auth-token";

    private Signatures() {
    }

    static String expected(String url, Map<String, String> form) throws Exception {
        String data = url + form.keySet().stream().sorted().map(name -> name + form.get(name)).collect(Collectors.joining());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
