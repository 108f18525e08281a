package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.client.WireMock;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** What the other services and the providers answer, per test. */
public final class Stubs {
    private Stubs() {
    }

    public static void volunteerContact(UUID volunteerId, String channel, String value, String language) {
        contact("/api/v1/volunteers/" + volunteerId + "/contact", channel, value, language, null);
    }

    public static void volunteerContact(UUID volunteerId, String channel, String value, String language, String alternativesJson) {
        contact("/api/v1/volunteers/" + volunteerId + "/contact", channel, value, language, alternativesJson);
    }

    public static void requesterContact(UUID requestId, String channel, String value, String language) {
        contact("/api/v1/requests/" + requestId + "/contact", channel, value, language, null);
    }

    public static void requesterContact(UUID requestId, String channel, String value, String language, String alternativesJson) {
        contact("/api/v1/requests/" + requestId + "/contact", channel, value, language, alternativesJson);
    }

    private static void contact(String path, String channel, String value, String language, String alternatives) {
        String body = "{\"channel\":\"" + channel + "\",\"value\":\"" + value + "\",\"language\":\"" + language + "\""
                + (alternatives == null ? "" : ",\"alternatives\":" + alternatives) + "}";
        // Only with this service's own token: a call without it would not be answered by the real services.
        ExternalWorld.services().stubFor(get(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The issuing service's {@code GET /api/v1/one-time-codes/{codeId}}: where to send which code, until when. */
    public static void oneTimeCode(UUID codeId, String channel, String value, String code, String language, String purpose,
                                   java.time.Instant expiresAt) {
        String body = "{\"channel\":\"" + channel + "\",\"value\":\"" + value + "\",\"code\":\"" + code
                + "\",\"language\":\"" + language + "\",\"purpose\":\"" + purpose + "\",\"expiresAt\":\"" + expiresAt + "\"}";
        ExternalWorld.services().stubFor(get(urlEqualTo("/api/v1/one-time-codes/" + codeId))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The issuing service answers this status (404 unknown, 410 expired or used) for the code. */
    public static void oneTimeCodeGone(UUID codeId, int status) {
        ExternalWorld.services().stubFor(get(urlEqualTo("/api/v1/one-time-codes/" + codeId))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + ",\"title\":\"gone\"}")));
    }

    /** The SMS provider takes messages to this number and answers a message sid. */
    public static void smsAccepted(String to, String sid) {
        ExternalWorld.smsProvider().stubFor(post(urlPathEqualTo(messagesPath()))
                .withRequestBody(WireMock.containing("To=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
    }

    public static String messagesPath() {
        return "/2010-04-01/Accounts/" + ExternalWorld.SMS_ACCOUNT + "/Messages.json";
    }
}
