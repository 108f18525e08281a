package org.tredegar.launcher.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few `--name value` options the node programs take; no library needed for that. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    public Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            values.put(name, hasValue ? args[++i] : "true");
        }
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("missing --" + name));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public int intValue(String name, int fallback) {
        return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    public List<String> list(String name) {
        return optional(name).map(v -> List.of(v.split(","))).orElse(List.of());
    }

    public Optional<Long> parentPid() {
        return optional("parent-pid").map(Long::parseLong);
    }
}
