package org.tredegar.volunteers.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.platform.persistence.GroupCommit;

/**
 * Group commit for first sign-ups ({@link GroupCommit}): sign-ups that arrive while earlier ones are being written
 * share the next statement ({@link SignUpStatement#insertNew}), so a flood costs a few commits instead of one per
 * sign-up (as the requests service's intake does).
 * <p>
 * One sign-up per contact per statement, and none beside a running statement with that contact: the later one then
 * finds the earlier committed and open, and is answered "not inserted" (the caller replaces that sign-up's code
 * instead), so no two statements ever wait on each other's rows. Answers arrive on the caller's Vert.x context, so
 * the caller may go on with a Hibernate Reactive session of its own.
 */
@ApplicationScoped
public class SignUpBatches {
    @Inject
    SignUpStatement statement;

    @ConfigProperty(name = "tredegar.sign-ups.batch.max-size", defaultValue = "100")
    int maxSize;
    @ConfigProperty(name = "tredegar.sign-ups.batch.max-in-flight", defaultValue = "1")
    int maxInFlight;

    private GroupCommit<SignUpStatement.NewSignUp, Boolean> group;

    private synchronized GroupCommit<SignUpStatement.NewSignUp, Boolean> group() {
        if (group == null) {
            group = new GroupCommit<>(maxSize, maxInFlight, SignUpStatement.NewSignUp::lookupHash,
                    GroupCommit.SameKey.ONE_PER_STATEMENT,
                    rows -> statement.insertNew(rows).map(inserted -> rows.stream().map(r -> inserted.contains(r.id())).toList()));
        }
        return group;
    }

    /**
     * Completes once the statement that took the sign-up has committed: true if it inserted it, false if its contact
     * already had an open sign-up (then nothing of it was written).
     */
    public Uni<Boolean> insert(SignUpStatement.NewSignUp signUp) {
        return group().submit(signUp);
    }
}
