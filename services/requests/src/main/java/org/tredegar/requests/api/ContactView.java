package org.tredegar.requests.api;

import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.requests.domain.ContactDetails;

/**
 * A requester's contact, as the audited contact endpoint hands it out: only what reaching them needs.
 * {@code trackingCode} only for the notifications service (role {@code service}), which puts it in the "we have your
 * request" text; null for everyone else.
 */
public record ContactView(ContactChannel channel, String value, String language, String trackingCode) {
    static ContactView of(ContactDetails contact, String trackingCode) {
        return new ContactView(contact.channel(), contact.value(), contact.language(), trackingCode);
    }
}
