package org.tredegar.launcher;

import java.util.List;

/** One part of the local platform: its name, the port it listens on, and how `up` knows it is ready. */
record Component(String name, int port, Kind kind) {
    enum Kind { POSTGRES, KAFKA, KEYCLOAK, SERVICE }

    static final List<String> SERVICES = List.of("requests", "volunteers", "logistics", "notifications", "dashboard");

    static List<Component> all() {
        return List.of(
                new Component("postgres", port("POSTGRES", 55432), Kind.POSTGRES),
                new Component("kafka", port("KAFKA", 9092), Kind.KAFKA),
                new Component("keycloak", port("KEYCLOAK", 8180), Kind.KEYCLOAK),
                new Component("requests", port("REQUESTS", 8081), Kind.SERVICE),
                new Component("volunteers", port("VOLUNTEERS", 8082), Kind.SERVICE),
                new Component("logistics", port("LOGISTICS", 8083), Kind.SERVICE),
                new Component("notifications", port("NOTIFICATIONS", 8084), Kind.SERVICE),
                new Component("dashboard", port("DASHBOARD", 8085), Kind.SERVICE));
    }

    static Component named(String name) {
        return all().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part named '" + name + "'; parts: "
                        + all().stream().map(Component::name).toList()));
    }

    /** Each port from CONVENTIONS can be moved with TREDEGAR_<NAME>_PORT when another program holds it. */
    static int port(String name, int fallback) {
        String value = System.getenv("TREDEGAR_" + name + "_PORT");
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    String portVariable() {
        return "TREDEGAR_" + name.toUpperCase() + "_PORT";
    }
}
