package org.tredegar.notifications.domain;

import java.util.UUID;

/** Someone this service last texted from a hub number: who they are to us, in which hub, in which language. */
public record Correspondent(RecipientType recipientType, UUID recipientRef, UUID hubId, String language) {
    public boolean isVolunteer() {
        return recipientType == RecipientType.VOLUNTEER;
    }

    public boolean isRequester() {
        return recipientType == RecipientType.REQUESTER;
    }
}
