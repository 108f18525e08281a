package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The world outside this service, as real servers in the test JVM: the other Tredegar services and Keycloak's
 * token endpoint (WireMock, since those services are ours but do not run in this JVM), the SMS provider (WireMock
 * speaking the Twilio Messages API), a partner's webhook receiver (WireMock) and an SMTP server (GreenMail).
 */
public final class ExternalWorld {
    public static final String SERVICE_TOKEN = "service-token-for-notifications";
    public static final String SMS_ACCOUNT = "ACtest0000000000000000000000000000";
    public static final String SMS_AUTH_TOKEN = "test-sms-auth-token";
    public static final String TREDEGAR_NUMBER = "+447700900100";
    public static final String EBBW_VALE_NUMBER = "+447700900200";

    private static WireMockServer services;
    private static WireMockServer smsProvider;
    private static WireMockServer partner;
    private static GreenMail smtp;

    private ExternalWorld() {
    }

    public static synchronized void start() {
        if (services != null) {
            return;
        }
        services = started();
        smsProvider = started();
        partner = started();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        stubTokenEndpoint();
        stubHubs();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.stop();
            smsProvider.stop();
            partner.stop();
            smtp.stop();
        }));
    }

    /** Keycloak's token endpoint, as the client-credentials grant of notifications-service sees it. */
    public static void stubTokenEndpoint() {
        services.stubFor(post(urlEqualTo("/realms/tredegar/protocol/openid-connect/token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    /** The requests service's public hub list: each demo hub with its SMS number (CONVENTIONS, "Local sandbox"). */
    public static void stubHubs() {
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/v1/hubs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":\"" + org.tredegar.platform.hub.HubIds.idOf("tredegar") + "\",\"slug\":\"tredegar\","
                                + "\"name\":\"Tredegar Mutual Aid\",\"smsNumber\":\"" + TREDEGAR_NUMBER + "\"},"
                                + "{\"id\":\"" + org.tredegar.platform.hub.HubIds.idOf("ebbw-vale") + "\",\"slug\":\"ebbw-vale\","
                                + "\"name\":\"Ebbw Vale Mutual Aid\",\"smsNumber\":\"" + EBBW_VALE_NUMBER + "\"}]")));
    }

    public static WireMockServer services() {
        start();
        return services;
    }

    public static WireMockServer smsProvider() {
        start();
        return smsProvider;
    }

    public static WireMockServer partner() {
        start();
        return partner;
    }

    public static GreenMail smtp() {
        start();
        return smtp;
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
