package org.tredegar.launcher;

import org.tredegar.launcher.node.PostgresNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment a service gets in the local platform and in the end-to-end tests: where its database, the
 * broker, Keycloak and the other services are. One place, so both start services the same way.
 */
public final class ServiceEnvironment {
    /** Which outgoing events are checked against their schema: 1 = every one (see ADR 0006). */
    public static final String OUTBOX_CHECK_EVERY_EVENT = "TREDEGAR_OUTBOX_VALIDATE_THEN_EVERY";

    private ServiceEnvironment() {
    }

    public static Map<String, String> of(String service, int port, String postgresHostPort, String kafkaBootstrap,
                                         String keycloakRealmUrl, Map<String, String> serviceUrls) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + postgresHostPort + "/" + service);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + postgresHostPort + "/" + service);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresNode.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresNode.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakRealmUrl);
        env.put("TREDEGAR_DEMO_ENABLED", "true");
        // Local profile only: the demo realm's client secrets, and partner webhooks to localhost allowed.
        env.put("TREDEGAR_WEBHOOKS_ALLOW_PRIVATE", "true");
        env.put("TREDEGAR_DASHBOARD_WEB_SECRET", "tredegar-dashboard-secret");
        env.put("TREDEGAR_NOTIFICATIONS_CLIENT_SECRET", "notifications-service-secret");
        // Locally and in the end-to-end tests every outgoing event is checked against its schema (production: a
        // sample, ADR 0006); the benchmarks take this out to measure what production runs.
        env.put(OUTBOX_CHECK_EVERY_EVENT, "1");
        if (service.equals("volunteers")) {
            // The volunteers service (the register of people) copies Keycloak role changes into hub audit chains.
            env.put("TREDEGAR_AUDIT_KEYCLOAK_ENABLED", "true");
            env.put("TREDEGAR_AUDIT_KEYCLOAK_CLIENT_ID", "volunteers-service");
            env.put("TREDEGAR_AUDIT_KEYCLOAK_CLIENT_SECRET", "volunteers-service-secret");
            env.put("TREDEGAR_AUDIT_KEYCLOAK_POLL_INTERVAL", "5s");
        }
        serviceUrls.forEach((name, url) -> env.put("TREDEGAR_" + name.toUpperCase() + "_URL", url));
        return env;
    }
}
