package org.tredegar.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.EventType;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which outgoing events the producer checks against their schema before they go into the outbox (ADR 0006): the
 * first {@code tredegar.outbox.validate.first} of each type after start, then one in
 * {@code tredegar.outbox.validate.then-every} of each type; {@code tredegar.outbox.validate=false} checks none.
 * Tests set {@code then-every} to 1, so every event a test makes is checked. Consumers check every event anyway
 * (ADR 0003): a mismatch the sample misses ends in their dead-letter topics, not in their data.
 */
@ApplicationScoped
public class ProducerSchemaCheck {
    private final boolean enabled;
    private final long first;
    private final long thenEvery;
    private final ConcurrentHashMap<String, AtomicLong> madeByType = new ConcurrentHashMap<>();

    @Inject
    public ProducerSchemaCheck(@ConfigProperty(name = "tredegar.outbox.validate", defaultValue = "true") boolean enabled,
                               @ConfigProperty(name = "tredegar.outbox.validate.first", defaultValue = "100") long first,
                               @ConfigProperty(name = "tredegar.outbox.validate.then-every", defaultValue = "100") long thenEvery) {
        if (first < 0 || thenEvery < 1) {
            throw new IllegalArgumentException("tredegar.outbox.validate.first must be >= 0 and then-every >= 1");
        }
        this.enabled = enabled;
        this.first = first;
        this.thenEvery = thenEvery;
    }

    /** Whether this event of {@code type}, the next one made, is to be checked; counts it. */
    public boolean due(EventType<?> type) {
        if (!enabled) {
            return false;
        }
        if (thenEvery == 1) {
            return true;
        }
        long n = madeByType.computeIfAbsent(type.type(), t -> new AtomicLong()).incrementAndGet();
        return n <= first || (n - first) % thenEvery == 0;
    }
}
