package org.tredegar.requests.domain;

import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.platform.problem.ApiProblem;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.tredegar.contracts.model.RequestStatus.CANCELLED;
import static org.tredegar.contracts.model.RequestStatus.CLOSED;
import static org.tredegar.contracts.model.RequestStatus.ESCALATED;
import static org.tredegar.contracts.model.RequestStatus.FULFILLED;
import static org.tredegar.contracts.model.RequestStatus.IN_PROGRESS;
import static org.tredegar.contracts.model.RequestStatus.MATCHED;
import static org.tredegar.contracts.model.RequestStatus.SUBMITTED;
import static org.tredegar.contracts.model.RequestStatus.TRIAGED;

/**
 * The life of a request: submitted → triaged → matched → in-progress → fulfilled | cancelled | closed, with
 * escalated as a side-state of an unmatched request and reopen back to triaged. Anything else is a 409.
 */
public final class RequestLifecycle {
    private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(TRIAGED, MATCHED, ESCALATED, CANCELLED, CLOSED),
            TRIAGED, EnumSet.of(MATCHED, ESCALATED, CANCELLED, CLOSED, TRIAGED),
            ESCALATED, EnumSet.of(TRIAGED, MATCHED, ESCALATED, CANCELLED, CLOSED),
            MATCHED, EnumSet.of(IN_PROGRESS, FULFILLED, TRIAGED, CANCELLED, CLOSED),
            IN_PROGRESS, EnumSet.of(FULFILLED, TRIAGED, CANCELLED, CLOSED),
            FULFILLED, EnumSet.of(CLOSED, TRIAGED),
            CANCELLED, EnumSet.of(TRIAGED),
            CLOSED, EnumSet.of(TRIAGED));

    /** Help was given, or the request was called off: nothing more happens unless it is reopened. */
    public static final Set<RequestStatus> FINISHED = Collections.unmodifiableSet(EnumSet.of(FULFILLED, CANCELLED, CLOSED));
    /** Still to be dealt with: everything not finished. */
    public static final Set<RequestStatus> OPEN = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(FINISHED)));
    /** Waiting for a volunteer: what the hub's queue shows by default and what escalates. */
    public static final Set<RequestStatus> UNMATCHED = Collections.unmodifiableSet(EnumSet.of(SUBMITTED, TRIAGED, ESCALATED));

    private RequestLifecycle() {
    }

    public static boolean allowed(RequestStatus from, RequestStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    public static void require(RequestStatus from, RequestStatus to) {
        if (!allowed(from, to)) {
            throw ApiProblem.conflict("illegal-transition",
                    "a request that is " + from.slug() + " cannot become " + to.slug());
        }
    }

    public static boolean isOpen(RequestStatus status) {
        return OPEN.contains(status);
    }
}
