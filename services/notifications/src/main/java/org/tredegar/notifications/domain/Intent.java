package org.tredegar.notifications.domain;

import java.util.Map;
import java.util.UUID;

/** What the planner decided: tell this recipient this kind of thing, because of that event. */
public record Intent(UUID hubId, MessageKind kind, String recipientType, UUID recipientRef, String language,
                     boolean urgent, UUID subjectRef, Map<String, Object> params) {
    public static final String REQUESTER = "requester";
    public static final String VOLUNTEER = "volunteer";
    public static final String COORDINATOR = "coordinator";
}
