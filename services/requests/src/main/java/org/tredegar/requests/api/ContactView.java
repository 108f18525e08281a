package org.tredegar.requests.api;

import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.requests.domain.ContactDetails;

/** A requester's contact, as the audited contact endpoint hands it out: only what reaching them needs. */
public record ContactView(ContactChannel channel, String value, String language) {
    static ContactView of(ContactDetails contact) {
        return new ContactView(contact.channel(), contact.value(), contact.language());
    }
}
