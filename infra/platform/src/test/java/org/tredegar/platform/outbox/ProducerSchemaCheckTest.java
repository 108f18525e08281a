package org.tredegar.platform.outbox;

import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerSchemaCheckTest {
    private static final EventType<?> CLOSED = EventCatalog.of(RequestClosed.class);
    private static final EventType<?> CANCELLED = EventCatalog.of(RequestCancelled.class);

    @Test
    void checksTheFirstEventsOfEachTypeThenOneInN() {
        ProducerSchemaCheck check = new ProducerSchemaCheck(true, 3, 5);
        List<Integer> checked = new ArrayList<>();
        for (int n = 1; n <= 18; n++) {
            if (check.due(CLOSED)) {
                checked.add(n);
            }
        }
        assertThat(checked).containsExactly(1, 2, 3, 8, 13, 18);
        // Each type is counted on its own: another type starts with its own first events.
        assertThat(IntStream.range(0, 3).mapToObj(i -> check.due(CANCELLED))).containsOnly(true);
    }

    @Test
    void everyEventWhenThenEveryIsOneAndNoneWhenSwitchedOff() {
        ProducerSchemaCheck every = new ProducerSchemaCheck(true, 0, 1);
        ProducerSchemaCheck off = new ProducerSchemaCheck(false, 100, 1);
        assertThat(IntStream.range(0, 500).mapToObj(i -> every.due(CLOSED))).containsOnly(true);
        assertThat(IntStream.range(0, 500).mapToObj(i -> off.due(CLOSED))).containsOnly(false);
    }

    @Test
    void aCheckedEventThatBreaksItsSchemaFailsTheWriteAndAnUncheckedOneIsWrittenAsIs() {
        RequestClosed broken = new RequestClosed(UUID.randomUUID(), UUID.randomUUID(), "", Instant.now()); // reason: minLength 1
        assertThatThrownBy(() -> OutboxRow.of(broken, Instant.now(), new ProducerSchemaCheck(true, 0, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match its schema");

        OutboxRow unchecked = OutboxRow.of(broken, Instant.now(), new ProducerSchemaCheck(false, 0, 1));
        assertThat(unchecked.type()).isEqualTo(CLOSED.type());
        assertThat(unchecked.payload()).contains("\"reason\":\"\"");
    }

    @Test
    void refusesSettingsThatWouldCheckNothingByAccident() {
        assertThatThrownBy(() -> new ProducerSchemaCheck(true, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProducerSchemaCheck(true, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
