package org.tredegar.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * Wires the local sandbox (infra/sandbox: the SMS provider and mail catcher) and the services to each other, as a
 * provider account would be wired in production: the services send through it and check its webhook signatures
 * with the account's secret; it delivers texts to the platform's one inbound route and receipts to the status one.
 */
public final class SandboxEnvironment {
    /** Not a secret: the sandbox's account id (the auth token is made per machine, see LocalSecrets). */
    public static final String ACCOUNT_SID = "ACtredegarlocalsandbox";
    public static final int SMTP_PORT_DEFAULT = 1025;
    /** The tredegar demo hub's number (CONVENTIONS, "Local sandbox"). */
    public static final String DEMO_HUB_NUMBER = "+447700900100";

    private SandboxEnvironment() {
    }

    /** The sandbox's own environment: its port, account, and the platform webhooks it calls. */
    public static Map<String, String> forSandbox(int port, int smtpPort, String authToken, String notificationsUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TREDEGAR_SANDBOX_PORT", String.valueOf(port));
        env.put("TREDEGAR_SANDBOX_SMTP_PORT", String.valueOf(smtpPort));
        env.put("SANDBOX_ACCOUNT_SID", ACCOUNT_SID);
        env.put("SANDBOX_AUTH_TOKEN", authToken);
        env.put("SANDBOX_INBOUND_URL", notificationsUrl + "/api/v1/channels/sms/inbound");
        return env;
    }

    /** What a service needs to send through the sandbox and to check its calls (SMS, mail). */
    public static Map<String, String> forService(String service, String sandboxUrl, int smtpPort, String authToken,
                                                 String notificationsUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("TREDEGAR_SMS_ACCOUNT_SID", ACCOUNT_SID);
        env.put("TREDEGAR_SMS_AUTH_TOKEN", authToken);
        if (service.equals("notifications")) {
            env.put("TREDEGAR_SMS_URL", sandboxUrl);
            // The fallback sender when a hub has no number of its own: the tredegar demo hub's, so replies come back to a hub.
            env.put("TREDEGAR_SMS_FROM", DEMO_HUB_NUMBER);
            env.put("TREDEGAR_SMS_STATUS_CALLBACK_URL", notificationsUrl + "/api/v1/channels/sms/status");
            env.put("QUARKUS_MAILER_HOST", "localhost");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        }
        return env;
    }

    /** The local platform's mail port (1025, or TREDEGAR_SANDBOX_SMTP_PORT). */
    public static int smtpPort() {
        return Component.port("SANDBOX_SMTP", SMTP_PORT_DEFAULT);
    }
}
