package org.tredegar.volunteers.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a keyset-paged list goes on: after the item with this (time, id), in that order. Lists sort by a time and
 * break ties by id, so a page never skips or repeats an item, whatever is added meanwhile.
 */
public record Keyset(Instant at, UUID id) {
    /** Before every item: the first page. */
    public static final Keyset START = new Keyset(Instant.EPOCH, new UUID(0, 0));

    public Keyset {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }
}
