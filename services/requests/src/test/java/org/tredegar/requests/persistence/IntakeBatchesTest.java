package org.tredegar.requests.persistence;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.requests.persistence.IntakeStatement.NewRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests go into which intake statement, with the statement held open by the test (the SQL itself is tested
 * on the real database in DuplicatesTest and RequestIntakeTest).
 */
class IntakeBatchesTest {

    /** Records each statement's requests; each completes when the test says so. */
    static final class HeldStatements extends IntakeStatement {
        final List<List<String>> statements = new ArrayList<>();
        final List<CompletableFuture<Void>> commits = new ArrayList<>();

        @Override
        public synchronized Uni<Void> insertAll(List<NewRequest> batch) {
            statements.add(batch.stream().map(IntakeBatchesTest::name).toList());
            CompletableFuture<Void> commit = new CompletableFuture<>();
            commits.add(commit);
            return Uni.createFrom().completionStage(commit);
        }
    }

    final HeldStatements statement = new HeldStatements();
    final IntakeBatches batches = new IntakeBatches();

    IntakeBatchesTest() {
        batches.statement = statement;
        batches.maxSize = 100;
        batches.maxInFlight = 2;
    }

    /** A request told apart by its description; {@code contactHash} null for one without a contact. */
    static NewRequest request(String name, String contactHash) {
        return new NewRequest(
                new IntakeStatement.Request(UUID.randomUUID(), null, "T", IntakeChannel.WEB, "en", RequestStatus.SUBMITTED,
                        null, null, null),
                new IntakeStatement.Need(HelpCategory.GROCERIES, Urgency.ROUTINE, 3, name, "[]", null, null, null),
                new IntakeStatement.Place(null, null, null, false),
                contactHash == null ? null
                        : new IntakeStatement.SealedContact(ContactChannel.SMS, "k", new byte[0], new byte[0], contactHash),
                new IntakeStatement.FirstTransition("requester", "submitted via web"), null, null);
    }

    static String name(NewRequest request) {
        return request.need().description();
    }

    List<String> written = new ArrayList<>();

    void write(String name, String contactHash) {
        batches.write(request(name, contactHash), IntakeBatchesTest::name).subscribe().with(written::add);
    }

    @Test
    void aSecondRequestFromAContactWaitsUntilTheFirstHasCommittedOthersDoNot() {
        write("alice-1", "alice");
        write("alice-2", "alice");
        write("bob-1", "bob");
        // alice-2 may not run beside alice-1 (it would not see it and not be linked as its duplicate); bob may.
        assertThat(statement.statements).containsExactly(List.of("alice-1"), List.of("bob-1"));

        write("carol-1", null); // no contact: nothing to link, never held back
        statement.commits.get(0).complete(null);
        assertThat(statement.statements.get(2)).containsExactly("alice-2", "carol-1");
        statement.commits.get(1).complete(null);
        statement.commits.get(2).complete(null);
        assertThat(written).containsExactlyInAnyOrder("alice-1", "alice-2", "bob-1", "carol-1");
    }

    @Test
    void requestsFromOneContactQueuedTogetherShareAStatement() {
        write("x", "someone-else");
        write("y", "another");
        write("alice-1", "alice");
        write("alice-2", "alice");
        write("alice-3", "alice");
        statement.commits.get(0).complete(null);
        // Queued while nothing of alice's ran: they go together and the statement's SQL links them to the first.
        assertThat(statement.statements.get(2)).containsExactly("alice-1", "alice-2", "alice-3");
    }
}
