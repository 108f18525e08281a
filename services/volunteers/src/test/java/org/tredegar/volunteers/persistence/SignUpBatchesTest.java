package org.tredegar.volunteers.persistence;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which sign-ups go into which statement, with the statement held open by the test (the SQL itself is tested on
 * the real database in CodeSignUpTest).
 */
class SignUpBatchesTest {

    /** Records each statement's sign-ups (by name); each completes when the test says so. */
    static final class HeldStatements extends SignUpStatement {
        final List<List<String>> statements = new ArrayList<>();
        final List<CompletableFuture<Set<UUID>>> commits = new ArrayList<>();
        final List<List<NewSignUp>> rows = new ArrayList<>();

        @Override
        public synchronized Uni<Set<UUID>> insertNew(List<NewSignUp> batch) {
            statements.add(batch.stream().map(NewSignUp::profile).toList());
            rows.add(batch);
            CompletableFuture<Set<UUID>> commit = new CompletableFuture<>();
            commits.add(commit);
            return Uni.createFrom().completionStage(commit);
        }

        /** Statement {@code i} commits, inserting all its sign-ups but those named. */
        void commit(int i, String... notInserted) {
            Set<String> skipped = Set.of(notInserted);
            commits.get(i).complete(rows.get(i).stream().filter(s -> !skipped.contains(s.profile()))
                    .map(NewSignUp::id).collect(Collectors.toSet()));
        }
    }

    final HeldStatements statement = new HeldStatements();
    final SignUpBatches batches = new SignUpBatches();
    final Map<String, Object> answers = new HashMap<>();

    SignUpBatchesTest() {
        batches.statement = statement;
        batches.maxSize = 100;
        batches.maxInFlight = 2;
    }

    /** A sign-up named {@code name} (kept in its profile column) from the contact {@code contact}. */
    void signUp(String name, String contact) {
        SignUpStatement.Sealed sealed = new SignUpStatement.Sealed("k", new byte[12], new byte[16]);
        SignUpStatement.NewSignUp s = new SignUpStatement.NewSignUp(UUID.randomUUID(), UUID.randomUUID(), name, "sms",
                sealed, contact, "en", null, null, UUID.randomUUID(), "hash", sealed, null);
        batches.insert(s).subscribe().with(inserted -> answers.put(name, inserted), failure -> answers.put(name, failure));
    }

    @Test
    void signUpsArrivingWhileStatementsRunShareTheNextOneAndEachGetsItsOwnAnswer() {
        signUp("a", "alice");
        signUp("b", "bob");
        signUp("c", "carol");
        signUp("d", "dave");
        signUp("e", "erin");
        // Two statements at most: the first two ran at once, the rest queued for the next free one.
        assertThat(statement.statements).containsExactly(List.of("a"), List.of("b"));
        assertThat(answers).isEmpty();
        statement.commit(0);
        assertThat(statement.statements.get(2)).containsExactly("c", "d", "e");
        assertThat(answers).containsOnlyKeys("a").containsEntry("a", true);
        statement.commit(1);
        statement.commit(2, "d");
        // d's contact had a sign-up open: nothing of it was written, and the caller is told so.
        assertThat(answers).containsEntry("b", true).containsEntry("c", true).containsEntry("d", false)
                .containsEntry("e", true);
    }

    @Test
    void aSecondSignUpFromAContactWaitsUntilTheFirstHasCommitted() {
        signUp("alice-1", "alice");
        signUp("alice-2", "alice");
        signUp("bob-1", "bob");
        // alice-2 may not run beside alice-1 (the two statements would wait on each other's rows); bob may.
        assertThat(statement.statements).containsExactly(List.of("alice-1"), List.of("bob-1"));
        signUp("alice-3", "alice");
        statement.commit(0);
        // One of alice's per statement, so the later one finds the earlier one committed and open.
        assertThat(statement.statements.get(2)).containsExactly("alice-2");
        statement.commit(1);
        statement.commit(2, "alice-2");
        assertThat(statement.statements.get(3)).containsExactly("alice-3");
        statement.commit(3, "alice-3");
        assertThat(answers).containsEntry("alice-1", true).containsEntry("alice-2", false).containsEntry("alice-3", false)
                .containsEntry("bob-1", true);
    }

    @Test
    void aFailedStatementIsRetriedSignUpBySignUpSoOneBadSignUpFailsAlone() {
        signUp("x", "x");
        signUp("y", "y");
        signUp("good", "good");
        signUp("bad", "bad");
        statement.commit(0);
        statement.commit(1);
        assertThat(statement.statements.get(2)).containsExactly("good", "bad");
        statement.commits.get(2).completeExceptionally(new IllegalStateException("bad row"));
        assertThat(statement.statements.subList(3, 5)).containsExactly(List.of("good"), List.of("bad"));
        statement.commit(3);
        statement.commits.get(4).completeExceptionally(new IllegalStateException("bad row"));
        assertThat(answers.get("good")).isEqualTo(true);
        assertThat(answers.get("bad")).isInstanceOf(IllegalStateException.class);
    }
}
