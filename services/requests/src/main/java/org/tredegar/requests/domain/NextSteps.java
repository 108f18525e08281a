package org.tredegar.requests.domain;

import org.tredegar.contracts.model.RequestStatus;

/** Plain, kind words for the person who asked: what is happening and what comes next. */
public final class NextSteps {
    private NextSteps() {
    }

    public static String forStatus(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> "We have your request. A coordinator from your local hub will look at it soon.";
            case TRIAGED -> "A coordinator has looked at your request and we are finding a neighbour who can help.";
            case ESCALATED -> "We are still looking for someone and have widened the search. A coordinator may call you.";
            case MATCHED -> "A volunteer has said yes and will be in touch.";
            case IN_PROGRESS -> "A volunteer is on it now.";
            case FULFILLED -> "Marked as done. If you still need help, reply or ask again: that is fine.";
            case CANCELLED -> "This request was cancelled. If you still need help, just ask again.";
            case CLOSED -> "This request is closed. If you still need help, just ask again.";
        };
    }
}
