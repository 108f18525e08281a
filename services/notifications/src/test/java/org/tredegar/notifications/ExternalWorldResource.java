package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/** Points the service at {@link ExternalWorld}: contacts, token, SMS provider and SMTP. */
public class ExternalWorldResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        ExternalWorld.start();
        String services = ExternalWorld.services().baseUrl();
        Map<String, String> config = new HashMap<>();
        config.put("tredegar.requests.url", services);
        config.put("tredegar.volunteers.url", services);
        config.put("quarkus.oidc-client.auth-server-url", services + "/realms/tredegar");
        config.put("tredegar.sms.url", ExternalWorld.smsProvider().baseUrl());
        config.put("tredegar.sms.account-sid", ExternalWorld.SMS_ACCOUNT);
        config.put("tredegar.sms.auth-token", ExternalWorld.SMS_AUTH_TOKEN);
        config.put("tredegar.sms.from", "+447700900000");
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(ExternalWorld.smtp().getSmtp().getPort()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped by ExternalWorld's shutdown hook
    }
}
