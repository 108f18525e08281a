package org.tredegar.requests.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.platform.persistence.GroupCommit;
import org.tredegar.requests.domain.TrackingCodes;

import java.util.List;
import java.util.function.Function;

/**
 * Group commit for intake ({@link GroupCommit}): requests that arrive while earlier ones are being written share the
 * next statement ({@link IntakeStatement#insertAll}), so a burst costs a few commits instead of one per request.
 * <p>
 * Why: one statement for many intakes pays one round trip, one commit and one fsync for all of them; at a few
 * thousand intakes per second the database's commit rate, not the SQL, is the limit. (This began as the way around
 * the outbox's NOTIFY trigger, which serialised commits; the trigger is gone, ADR 0002, and batching still halves
 * the database's CPU per intake.) The statement wakes the relay when it commits.
 * <p>
 * Requests from one contact never run in two concurrent statements: a statement sees only what committed before it
 * began, so both would look like the first (no duplicate link). In one statement the SQL links them; across
 * statements the later starts after the earlier committed. (Across replicas the race remains.) A tracking code that
 * clashes with an existing one is drawn again.
 */
@ApplicationScoped
public class IntakeBatches {
    static final String TRACKING_CODE_CONSTRAINT = "help_requests_tracking_code_key";
    static final String REQUEST_ID_CONSTRAINT = "help_requests_pkey";
    static final int TRACKING_CODE_TRIES = 3;

    @Inject
    IntakeStatement statement;

    @ConfigProperty(name = "tredegar.intake.batch.max-size", defaultValue = "100")
    int maxSize;
    @ConfigProperty(name = "tredegar.intake.batch.max-in-flight", defaultValue = "1")
    int maxInFlight;

    private GroupCommit<IntakeStatement.NewRequest, IntakeStatement.NewRequest> group;

    private synchronized GroupCommit<IntakeStatement.NewRequest, IntakeStatement.NewRequest> group() {
        if (group == null) {
            group = new GroupCommit<>(maxSize, maxInFlight, IntakeStatement.NewRequest::contactHash,
                    GroupCommit.SameKey.SHARE_A_STATEMENT, rows -> insertRows(rows, TRACKING_CODE_TRIES));
        }
        return group;
    }

    /**
     * Completes, once the request is committed, with {@code answer} applied to it as written (its tracking code may
     * have been drawn again).
     */
    public <T> Uni<T> write(IntakeStatement.NewRequest request, Function<IntakeStatement.NewRequest, T> answer) {
        return group().submit(request).map(answer);
    }

    private Uni<List<IntakeStatement.NewRequest>> insertRows(List<IntakeStatement.NewRequest> rows, int tries) {
        return statement.insertAll(rows).replaceWith(rows)
                .onFailure(e -> tries > 1 && trackingCodeTaken(e))
                .recoverWithUni(() -> insertRows(redraw(rows), tries - 1));
    }

    private static List<IntakeStatement.NewRequest> redraw(List<IntakeStatement.NewRequest> rows) {
        Function<IntakeStatement.NewRequest, IntakeStatement.NewRequest> fresh = r -> r.withTrackingCode(TrackingCodes.next());
        return rows.stream().map(fresh).toList();
    }

    /** The request's id is taken: a request written with an id chosen beforehand was written already. */
    public static boolean requestIdTaken(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState()) && REQUEST_ID_CONSTRAINT.equals(pg.getConstraint());
    }

    public static boolean trackingCodeTaken(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState())
                && TRACKING_CODE_CONSTRAINT.equals(pg.getConstraint());
    }
}
