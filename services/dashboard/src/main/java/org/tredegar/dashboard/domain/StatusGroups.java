package org.tredegar.dashboard.domain;

import org.tredegar.contracts.model.RequestStatus;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static org.tredegar.contracts.model.RequestStatus.IN_PROGRESS;
import static org.tredegar.contracts.model.RequestStatus.MATCHED;
import static org.tredegar.contracts.model.RequestStatus.SUBMITTED;
import static org.tredegar.contracts.model.RequestStatus.TRIAGED;

/**
 * The request statuses the figures count together. A request's status is the lifecycle step seen last
 * ({@code request_view}); these groups say which of them a figure means.
 */
public final class StatusGroups {
    /** Still needing something: not fulfilled, cancelled or closed (the backlog, areas, items asked for, the map). */
    public static final Set<RequestStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(SUBMITTED, TRIAGED, MATCHED, IN_PROGRESS));
    /** Waiting for a volunteer: what may breach its urgency's match target. */
    public static final Set<RequestStatus> UNMATCHED = Collections.unmodifiableSet(EnumSet.of(SUBMITTED, TRIAGED));
    /** Held by a volunteer (matched or started): the volunteer counts as assigned, not free. */
    public static final Set<RequestStatus> HELD = Collections.unmodifiableSet(EnumSet.of(MATCHED, IN_PROGRESS));

    private StatusGroups() {
    }
}
