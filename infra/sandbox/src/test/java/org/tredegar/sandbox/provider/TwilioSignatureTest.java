package org.tredegar.sandbox.provider;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's signer against the provider's own published example, so both sides agree with the real thing. */
class TwilioSignatureTest {
    @Test
    void signsThePublishedExampleAsTheProviderDoes() {
        // Twilio's documented example (api-snippets, security/signature_validation): token 12345, this URL and form.
        Map<String, String> params = new LinkedHashMap<>();
        params.put("To", "+18005551212");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("From", "+14158675309");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");

        String signature = TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params);

        assertThat(signature).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void anyChangeToUrlOrFormChangesTheSignature() {
        Map<String, String> params = Map.of("Body", "YES", "From", "+447700900123");
        String signature = TwilioSignature.sign("token", "http://localhost:8084/in", params);

        assertThat(TwilioSignature.sign("token", "http://localhost:8084/in?x=1", params)).isNotEqualTo(signature);
        assertThat(TwilioSignature.sign("token", "http://localhost:8084/in", Map.of("Body", "NO", "From", "+447700900123")))
                .isNotEqualTo(signature);
        assertThat(TwilioSignature.sign("other", "http://localhost:8084/in", params)).isNotEqualTo(signature);
    }
}
