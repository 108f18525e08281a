package org.tredegar.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A node writes its ready file once it accepts work (databases created, topics created); whoever started it waits
 * for the file. A port that accepts connections is not enough: Kafka listens before it has a controller.
 */
public final class ReadyFile {
    private ReadyFile() {
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the file; fails early, with the log's last lines, when the process died first. */
    public static void await(Path file, Process process, Path log, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " stopped while starting (exit " + process.exitValue()
                        + "). Last lines of " + log + ":\n" + Logs.tail(log, 25));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds()
                        + " s. Last lines of " + log + ":\n" + Logs.tail(log, 25));
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
