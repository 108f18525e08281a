package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.notifications.domain.HubLines;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * SMS through a Twilio-compatible {@code Messages} API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with
 * To/From/Body/StatusCallback, basic auth with the account sid and auth token. The notification id goes along as
 * {@code Idempotency-Key} (providers and gateways that honour it drop a repeat), and {@link #alreadySent} asks the
 * provider's message list (To, DateSent) for the same text before a message in doubt is sent again.
 */
@ApplicationScoped
public class TwilioSmsChannel implements Channel {
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "tredegar.sms.url", defaultValue = "https://api.twilio.com")
    String baseUrl;
    @ConfigProperty(name = "tredegar.sms.account-sid", defaultValue = "not-configured")
    String accountSid;
    @ConfigProperty(name = "tredegar.sms.auth-token")
    Optional<String> authToken;
    /** The sender when a hub has no number of its own (an alphanumeric sender id cannot be answered). */
    @ConfigProperty(name = "tredegar.sms.from", defaultValue = "Tredegar")
    String from;
    @Inject
    HubLines hubLines;
    @ConfigProperty(name = "tredegar.sms.status-callback-url")
    Optional<String> statusCallbackUrl;
    @ConfigProperty(name = "tredegar.sms.timeout", defaultValue = "PT10S")
    java.time.Duration timeout;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis()).setIdleTimeout((int) timeout.toSeconds()));
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Uni<String> send(OutgoingMessage message) {
        Uni<String> sender = message.hubId() == null ? Uni.createFrom().item(from)
                : hubLines.of(message.hubId()).map(line -> line.map(HubLines.HubLine::number).filter(n -> !n.isBlank()).orElse(from));
        return sender.chain(number -> post(message, number));
    }

    private Uni<String> post(OutgoingMessage message, String fromNumber) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("To", e164(message.to()))
                .add("From", fromNumber)
                .add("Body", message.message().text());
        statusCallbackUrl.ifPresent(url -> form.add("StatusCallback", url));
        return client.postAbs(messagesUrl())
                .putHeader("Authorization", basicAuth())
                .putHeader("Idempotency-Key", message.notificationId().toString())
                .timeout(timeout.toMillis())
                .sendForm(form, StandardCharsets.UTF_8.name())
                .onFailure().transform(e -> new ProviderException("SMS provider unreachable: " + e.getClass().getSimpleName(), e))
                .map(this::sidOf);
    }

    @Override
    public Uni<Optional<String>> alreadySent(OutgoingMessage message, Instant since) {
        return client.getAbs(messagesUrl())
                .addQueryParam("To", e164(message.to()))
                .addQueryParam("DateSent>", since.atZone(ZoneOffset.UTC).toLocalDate().toString())
                .addQueryParam("PageSize", "100")
                .putHeader("Authorization", basicAuth())
                .timeout(timeout.toMillis())
                .send()
                .onFailure().transform(e -> new ProviderException("SMS provider unreachable: " + e.getClass().getSimpleName(), e))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new ProviderException("SMS provider answered " + response.statusCode() + " to a message lookup", true);
                    }
                    JsonArray messages = response.bodyAsJsonObject().getJsonArray("messages", new JsonArray());
                    for (int i = 0; i < messages.size(); i++) {
                        JsonObject m = messages.getJsonObject(i);
                        if (message.message().text().equals(m.getString("body"))) {
                            return Optional.ofNullable(m.getString("sid"));
                        }
                    }
                    return Optional.empty();
                });
    }

    private String sidOf(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return response.bodyAsJsonObject().getString("sid");
        }
        // 429 and 5xx pass; any other 4xx (a number that cannot take SMS, a bad request) will not get better.
        boolean retriable = status == 429 || status >= 500;
        String code = "";
        try {
            Object c = response.bodyAsJsonObject().getValue("code");
            code = c == null ? "" : " (provider code " + c + ")";
        } catch (RuntimeException notJson) {
            // some gateways answer errors in plain text; the status says enough
        }
        throw new ProviderException("SMS provider answered " + status + code, retriable);
    }

    private String messagesUrl() {
        return baseUrl.replaceAll("/+$", "") + "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }

    private String basicAuth() {
        String credentials = accountSid + ":" + authToken.orElse("");
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The provider takes numbers in E.164 only ({@code +447700900101}); people write them with spaces, dashes or
     * brackets ({@code +44 7700 900101}), and that is how contacts are kept. The same punctuation the keyed lookup
     * hash ignores, so a reply from the E.164 number still finds its sender.
     */
    static String e164(String number) {
        return number.replaceAll("[\\s()-]", "");
    }
}
