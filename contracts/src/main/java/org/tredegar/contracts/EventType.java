package org.tredegar.contracts;

import java.util.Objects;

/**
 * The wire identity of one event: its CloudEvents type, the topic it travels on, its CloudEvents source and its
 * JSON Schema, all derived from service, name and version so they cannot drift apart.
 */
public record EventType<T extends TredegarEvent>(String service, String name, int version, Class<T> dataClass) {

    public EventType {
        if (service == null || service.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("service and name must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        Objects.requireNonNull(dataClass, "dataClass");
    }

    /** CloudEvents {@code type}, e.g. {@code org.tredegar.requests.RequestSubmitted.v1}. */
    public String type() {
        return "org.tredegar." + service + "." + name + ".v" + version;
    }

    /** A breaking change gets a new version and therefore a new topic, so old consumers never see it. */
    public String topic() {
        return "tredegar." + service + ".v" + version;
    }

    /** CloudEvents {@code source}. */
    public String source() {
        return "/tredegar/" + service;
    }

    /** Classpath resource of the JSON Schema for the event's data. */
    public String schemaResource() {
        return "/schemas/" + service + "/" + name + ".v" + version + ".schema.json";
    }
}
