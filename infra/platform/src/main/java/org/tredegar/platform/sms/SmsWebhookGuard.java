package org.tredegar.platform.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.platform.problem.ApiProblem;

import java.net.URI;
import java.util.Optional;

/**
 * The one check on calls from the SMS provider (incoming texts, delivery receipts), for every service that takes
 * them. Configured the same everywhere:
 * <ul>
 *   <li>{@code tredegar.sms.auth-token}: the provider account's secret; when set, a call without a valid
 *       {@code X-Twilio-Signature} is refused (403). Unset (local runs without a provider), nothing is checked.</li>
 *   <li>{@code tredegar.sms.public-url}: the base URL the provider was given, when a proxy stands between it and
 *       us; the signature covers the URL as the provider called it, so we rebuild that one.</li>
 * </ul>
 */
@ApplicationScoped
public class SmsWebhookGuard {
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    @ConfigProperty(name = "tredegar.sms.auth-token")
    Optional<String> authToken;
    @ConfigProperty(name = "tredegar.sms.public-url")
    Optional<String> publicUrl;

    /** Throws a 403 problem unless the call is signed by our provider account (or no secret is configured). */
    public void verify(MultivaluedMap<String, String> form, String signature, UriInfo uri) {
        if (authToken.isEmpty() || authToken.get().isBlank()) {
            return;
        }
        if (!TwilioSignature.verify(authToken.get(), urlAsCalled(uri.getRequestUri()), form, signature)) {
            throw ApiProblem.forbidden("the " + SIGNATURE_HEADER
                    + " header is missing or does not match this message: it is not from our SMS provider");
        }
    }

    String urlAsCalled(URI request) {
        return publicUrl.filter(base -> !base.isBlank())
                .map(base -> base.replaceAll("/+$", "") + request.getRawPath()
                        + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery()))
                .orElse(request.toString());
    }
}
