package org.tredegar.requests.api;

import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.requests.domain.TaskSheet;

import java.time.Instant;
import java.util.UUID;

/** A running task as its volunteer sees it: the exact place ({@code place} null when unknown), {@code window} null without one. */
public record TaskView(UUID requestId, UUID hubId, HelpCategory category, Urgency urgency, String description, Place place,
                       Window window, String language) {
    public record Place(String label, Double latitude, Double longitude) {
    }

    public record Window(Instant from, Instant to) {
    }

    static TaskView of(TaskSheet.Task t) {
        return new TaskView(t.requestId(), t.hubId(), t.category(), t.urgency(), t.description(),
                t.place() == null ? null : new Place(t.place().label(), t.place().latitude(), t.place().longitude()),
                t.window() == null ? null : new Window(t.window().from(), t.window().to()), t.language());
    }
}
