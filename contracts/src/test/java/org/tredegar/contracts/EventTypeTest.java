package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tredegar.contracts.requests.v1.RequestSubmitted;

class EventTypeTest {

    private final EventType<RequestSubmitted> submitted =
            new EventType<>("requests", "RequestSubmitted", 1, RequestSubmitted.class);

    @Test
    void derivesWireNamesFromServiceNameAndVersion() {
        assertThat(submitted.type()).isEqualTo("org.tredegar.requests.RequestSubmitted.v1");
        assertThat(submitted.topic()).isEqualTo("tredegar.requests.v1");
        assertThat(submitted.source()).isEqualTo("/tredegar/requests");
        assertThat(submitted.schemaResource()).isEqualTo("/schemas/requests/RequestSubmitted.v1.schema.json");
    }

    @Test
    void aNewVersionGoesToANewTopic() {
        EventType<RequestSubmitted> v2 = new EventType<>("requests", "RequestSubmitted", 2, RequestSubmitted.class);

        assertThat(v2.type()).isEqualTo("org.tredegar.requests.RequestSubmitted.v2");
        assertThat(v2.topic()).isEqualTo("tredegar.requests.v2");
        assertThat(v2.schemaResource()).isEqualTo("/schemas/requests/RequestSubmitted.v2.schema.json");
    }

    @Test
    void rejectsMeaninglessTypes() {
        assertThatThrownBy(() -> new EventType<>(" ", "RequestSubmitted", 1, RequestSubmitted.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventType<>("requests", "RequestSubmitted", 0, RequestSubmitted.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventType<RequestSubmitted>("requests", "RequestSubmitted", 1, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void topicsFollowTheConventions() {
        assertThat(Topics.all()).containsExactly(
                "tredegar.requests.v1", "tredegar.volunteers.v1", "tredegar.logistics.v1",
                "tredegar.notifications.v1", "tredegar.audit.v1");
        assertThat(Topics.all()).containsExactly(
                Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS, Topics.NOTIFICATIONS, Topics.AUDIT);
    }

    @Test
    void deadLetterTopicIsPerConsumerGroup() {
        assertThat(Topics.deadLetter(Topics.REQUESTS, "tredegar-volunteers"))
                .isEqualTo("tredegar.requests.v1.tredegar-volunteers.dlq");
        assertThatThrownBy(() -> Topics.deadLetter(Topics.REQUESTS, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
