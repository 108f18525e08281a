package org.tredegar.sandbox.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.sandbox.config.SandboxConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Every text, in memory, oldest first, bounded to {@code sandbox.capacity} (the oldest are dropped: a sandbox left
 * running under a benchmark must not grow without end). One lock for all: the volumes are small and it keeps
 * "look up the idempotency key, else add" a single step.
 */
@ApplicationScoped
public class TextStore {
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final Map<String, String> sidByIdempotencyKey;
    private final int capacity;

    @Inject
    public TextStore(SandboxConfig config) {
        int capacity = config.capacity();
        this.sidByIdempotencyKey = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
        this.capacity = capacity;
    }

    public synchronized void add(Text text) {
        texts.put(text.id(), text);
        while (texts.size() > capacity) {
            texts.remove(texts.keySet().iterator().next());
        }
    }

    /**
     * The text first created under this key if it is still kept, else a new one from {@code create}, remembered
     * under the key. Answers whether it is new, so only a new one is delivered.
     */
    public synchronized Added addOnce(String idempotencyKey, Supplier<Text> create) {
        String known = sidByIdempotencyKey.get(idempotencyKey);
        if (known != null && texts.containsKey(known)) {
            return new Added(texts.get(known), false);
        }
        Text text = create.get();
        add(text);
        sidByIdempotencyKey.put(idempotencyKey, text.id());
        return new Added(text, true);
    }

    /** Applies a change to a kept text; empty if it has been dropped meanwhile. */
    public synchronized Optional<Text> update(String id, UnaryOperator<Text> change) {
        return Optional.ofNullable(texts.computeIfPresent(id, (key, text) -> change.apply(text)));
    }

    public synchronized Optional<Text> find(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    /** Matching texts, oldest first (a copy: callers may take their time). */
    public synchronized List<Text> list(Predicate<Text> filter) {
        List<Text> matching = new ArrayList<>();
        for (Text text : texts.values()) {
            if (filter.test(text)) {
                matching.add(text);
            }
        }
        return matching;
    }

    public static Predicate<Text> createdSince(Instant since) {
        return text -> since == null || !text.createdAt().isBefore(since);
    }

    public record Added(Text text, boolean created) {
    }
}
