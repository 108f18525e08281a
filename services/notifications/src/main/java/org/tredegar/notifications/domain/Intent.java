package org.tredegar.notifications.domain;

import java.util.Map;
import java.util.UUID;

/** What the planner decided: tell this recipient this kind of thing, because of that event. */
public record Intent(UUID hubId, MessageKind kind, RecipientType recipientType, UUID recipientRef, String language,
                     boolean urgent, UUID subjectRef, Map<String, Object> params) {
}
