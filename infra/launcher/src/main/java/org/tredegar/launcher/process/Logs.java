package org.tredegar.launcher.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public final class Logs {
    private Logs() {
    }

    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log yet)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
