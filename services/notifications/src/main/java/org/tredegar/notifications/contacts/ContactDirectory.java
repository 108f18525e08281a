package org.tredegar.notifications.contacts;

import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.UUID;

/** Where a recipient's contact details are asked for at send time. Empty: nobody to reach (no message is sent). */
public interface ContactDirectory {
    Uni<Optional<Contact>> find(String recipientType, UUID recipientRef, UUID hubId);
}
