package org.tredegar.misplaced.api;

/** A request body of a pretend service, which its domain wrongly takes as input. */
public record HelpRequestBody(String details) {
}
