package org.tredegar.sandbox.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.sandbox.config.SandboxConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Calls the platform as the provider does: a form-encoded POST signed with X-Twilio-Signature over the URL exactly
 * as configured (the platform rebuilds that URL to check it). Never throws for a failed call: the outcome is
 * returned, because a webhook failure is something to record, not an error of the sandbox.
 */
@ApplicationScoped
public class Webhooks {
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final SandboxConfig config;
    private final HttpClient client;

    @Inject
    public Webhooks(SandboxConfig config) {
        this.config = config;
        // HTTP/1.1: the platform's webhooks are plain local HTTP servers; no upgrade dance on every call.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.webhookTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Outcome post(String url, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.webhookTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("Accept", "*/*")
                    .header("User-Agent", "TwilioProxy/1.1 (tredegar-sandbox)")
                    .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
                    .header(SIGNATURE_HEADER, TwilioSignature.sign(config.authToken(), url, params))
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(response.statusCode(), response.body(), null);
        } catch (IllegalArgumentException e) {
            return new Outcome(0, "", "not a usable URL: " + url);
        } catch (IOException e) {
            return new Outcome(0, "", "unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "", "interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the platform answered: an HTTP status and body, or (status 0) why it could not be reached. */
    public record Outcome(int status, String body, String error) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** For a text's status: "failed: 503" or "failed: unreachable (ConnectException)". */
        public String failure() {
            return "failed: " + (error != null ? error : String.valueOf(status));
        }
    }
}
