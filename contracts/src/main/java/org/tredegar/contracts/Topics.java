package org.tredegar.contracts;

import java.util.List;

/** Kafka topic names: one per producing service and major version (see CONVENTIONS, "Events"). */
public final class Topics {

    public static final String REQUESTS = "tredegar.requests.v1";
    public static final String VOLUNTEERS = "tredegar.volunteers.v1";
    public static final String LOGISTICS = "tredegar.logistics.v1";
    public static final String NOTIFICATIONS = "tredegar.notifications.v1";
    /** Every service's audit entries (AuditEntryRecorded), so hubs can keep their own copy of each chain. */
    public static final String AUDIT = "tredegar.audit.v1";

    private static final List<String> ALL = List.of(REQUESTS, VOLUNTEERS, LOGISTICS, NOTIFICATIONS, AUDIT);

    private Topics() {
    }

    /** Every topic the platform creates. */
    public static List<String> all() {
        return ALL;
    }

    /**
     * Dead-letter topic of one consumer group on one topic. Per group, because a message that poisons one consumer
     * may be fine for another, and replaying it must not reach consumers that already handled it.
     */
    public static String deadLetter(String topic, String consumerGroup) {
        if (topic == null || topic.isBlank() || consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("topic and consumerGroup must not be blank");
        }
        return topic + "." + consumerGroup + ".dlq";
    }
}
