package org.tredegar.requests.api;

/** A requester's contact, as the audited contact endpoint hands it out: only what reaching them needs. */
public record ContactView(String channel, String value, String language) {
}
