package org.tredegar.launcher;

import java.util.List;

/**
 * One part of the local platform: its name, the port it listens on, and how `up` knows it is ready. This is the one
 * list of parts and services: `up`, the databases, the end-to-end platform and (through services/pom.xml, which
 * a test holds equal to it) the build all follow it. A new service is one line here and one module there.
 */
public record Component(String name, int port, Kind kind) {
    /** SANDBOX: the local stand-in for the SMS provider and mail (infra/sandbox); never part of production. */
    public enum Kind { POSTGRES, KAFKA, KEYCLOAK, SANDBOX, SERVICE }

    /** The services, in start order (requests first: the others read its contacts and events). */
    public static List<String> services() {
        return all().stream().filter(c -> c.kind == Kind.SERVICE).map(Component::name).toList();
    }

    /** One database per service, and Keycloak's own. */
    public static List<String> databases() {
        List<String> databases = new java.util.ArrayList<>(services());
        databases.add("keycloak");
        return List.copyOf(databases);
    }

    public static List<Component> all() {
        return List.of(
                new Component("postgres", port("POSTGRES", 55432), Kind.POSTGRES),
                new Component("kafka", port("KAFKA", 9092), Kind.KAFKA),
                new Component("keycloak", port("KEYCLOAK", 8180), Kind.KEYCLOAK),
                new Component("sandbox", port("SANDBOX", 8086), Kind.SANDBOX),
                new Component("requests", port("REQUESTS", 8081), Kind.SERVICE),
                new Component("volunteers", port("VOLUNTEERS", 8082), Kind.SERVICE),
                new Component("logistics", port("LOGISTICS", 8083), Kind.SERVICE),
                new Component("notifications", port("NOTIFICATIONS", 8084), Kind.SERVICE),
                new Component("dashboard", port("DASHBOARD", 8085), Kind.SERVICE));
    }

    public static Component named(String name) {
        return all().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part named '" + name + "'; parts: "
                        + all().stream().map(Component::name).toList()));
    }

    /** Each port from CONVENTIONS can be moved with TREDEGAR_<NAME>_PORT when another program holds it. */
    public static int port(String name, int fallback) {
        String value = System.getenv("TREDEGAR_" + name + "_PORT");
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** A Quarkus app the launcher starts from its jar: a service or the sandbox. */
    public boolean isApp() {
        return kind == Kind.SERVICE || kind == Kind.SANDBOX;
    }

    String portVariable() {
        return "TREDEGAR_" + name.toUpperCase() + "_PORT";
    }
}
