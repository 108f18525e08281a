package org.tredegar.platform.persistence;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rows go into which statement, with each statement held open until the test lets it commit. */
class GroupCommitTest {
    /** A row: its name and its key ("alice-1" has key "alice"; "carol" has none). */
    static String keyOf(String row) {
        return row.contains("-") ? row.substring(0, row.indexOf('-')) : null;
    }

    final List<List<String>> statements = new ArrayList<>();
    final List<CompletableFuture<List<String>>> commits = new ArrayList<>();
    final Map<String, String> answers = new ConcurrentHashMap<>();

    GroupCommit<String, String> commits(GroupCommit.SameKey sameKey, int maxSize) {
        return new GroupCommit<>(maxSize, 2, GroupCommitTest::keyOf, sameKey, rows -> {
            synchronized (this) {
                statements.add(rows);
                CompletableFuture<List<String>> commit = new CompletableFuture<>();
                commits.add(commit);
                return Uni.createFrom().completionStage(commit);
            }
        });
    }

    void submit(GroupCommit<String, String> group, String row) {
        group.submit(row).subscribe().with(r -> answers.put(row, r), e -> answers.put(row, "failed: " + e.getMessage()));
    }

    /** Statement {@code i} commits and answers each row with "written <row>". */
    void commit(int i) {
        commits.get(i).complete(statements.get(i).stream().map(r -> "written " + r).toList());
    }

    @Test
    void aRowWaitsWhileItsKeyIsInARunningStatementOthersGoAtOnce() {
        GroupCommit<String, String> group = commits(GroupCommit.SameKey.SHARE_A_STATEMENT, 100);
        submit(group, "alice-1");
        submit(group, "alice-2");
        submit(group, "bob-1");
        assertThat(statements).containsExactly(List.of("alice-1"), List.of("bob-1"));

        submit(group, "carol"); // no key: never held back
        commit(0);
        assertThat(statements.get(2)).containsExactly("alice-2", "carol");
        commit(1);
        commit(2);
        assertThat(answers).containsEntry("alice-1", "written alice-1").containsEntry("alice-2", "written alice-2")
                .containsEntry("bob-1", "written bob-1").containsEntry("carol", "written carol");
    }

    @Test
    void rowsOfOneKeyQueuedTogetherShareAStatementOrNotAsAsked() {
        GroupCommit<String, String> shared = commits(GroupCommit.SameKey.SHARE_A_STATEMENT, 100);
        submit(shared, "x-1");
        submit(shared, "y-1");
        submit(shared, "alice-1");
        submit(shared, "alice-2");
        commit(0);
        assertThat(statements.get(2)).containsExactly("alice-1", "alice-2");

        statements.clear();
        commits.clear();
        GroupCommit<String, String> apart = commits(GroupCommit.SameKey.ONE_PER_STATEMENT, 100);
        submit(apart, "x-1");
        submit(apart, "y-1");
        submit(apart, "alice-1");
        submit(apart, "alice-2");
        submit(apart, "bob-1");
        commit(0);
        assertThat(statements.get(2)).containsExactly("alice-1", "bob-1");
        commit(1);
        commit(2);
        assertThat(statements.get(3)).containsExactly("alice-2");
    }

    @Test
    void aStatementTakesAtMostMaxSizeRowsInArrivalOrder() {
        GroupCommit<String, String> group = commits(GroupCommit.SameKey.SHARE_A_STATEMENT, 2);
        for (String row : List.of("a-1", "b-1", "c-1", "d-1", "e-1", "f-1")) {
            submit(group, row);
        }
        commit(0);
        assertThat(statements.get(2)).containsExactly("c-1", "d-1");
        commit(1);
        assertThat(statements.get(3)).containsExactly("e-1", "f-1");
    }

    @Test
    void aFailedStatementIsRetriedRowByRowSoOneBadRowFailsAlone() {
        List<List<String>> seen = new ArrayList<>();
        CompletableFuture<Void> firstCommits = new CompletableFuture<>();
        GroupCommit<String, String> group = new GroupCommit<>(100, 1, GroupCommitTest::keyOf, GroupCommit.SameKey.SHARE_A_STATEMENT,
                rows -> {
                    seen.add(rows);
                    Uni<List<String>> written = Uni.createFrom().item(rows.stream().map(r -> "written " + r).toList());
                    if (seen.size() == 1) {
                        return Uni.createFrom().completionStage(firstCommits).replaceWith(written);
                    }
                    return rows.contains("bad-1") ? Uni.createFrom().failure(new IllegalArgumentException("bad row")) : written;
                });
        submit(group, "first-1"); // holds the only slot, so the next three queue and go together
        submit(group, "good-1");
        submit(group, "bad-1");
        submit(group, "fine-1");
        firstCommits.complete(null);
        assertThat(seen.get(1)).containsExactly("good-1", "bad-1", "fine-1");
        assertThat(answers).containsEntry("first-1", "written first-1").containsEntry("good-1", "written good-1")
                .containsEntry("fine-1", "written fine-1").containsEntry("bad-1", "failed: bad row");
    }
}
