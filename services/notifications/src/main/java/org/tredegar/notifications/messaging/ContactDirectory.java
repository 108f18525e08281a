package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import org.tredegar.notifications.domain.RecipientType;
import org.tredegar.platform.code.OneTimeCode;

import java.util.Optional;
import java.util.UUID;

/**
 * Where what a message needs at send time is asked for: a recipient's contact details, or a one-time code with the
 * one address it goes to. Held in memory for that send only. Empty: nobody to reach, or no code (nothing is sent).
 */
public interface ContactDirectory {
    Uni<Optional<Contact>> find(RecipientType recipientType, UUID recipientRef, UUID hubId);

    /** The code {@code codeId} issued to this kind of recipient; empty when it is unknown, used or expired. */
    Uni<Optional<OneTimeCode>> oneTimeCode(RecipientType recipientType, UUID codeId);
}
