package org.tredegar.requests.domain;

import org.tredegar.contracts.model.ContactChannel;

/** A requester's contact, opened for one reader: only what reaching them needs. */
public record ContactDetails(ContactChannel channel, String value, String language) {
}
