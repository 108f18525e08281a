package org.tredegar.launcher;

import org.tredegar.launcher.process.ReadyFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What `up` leaves in .tredegar for the other commands: each part's pid file, ready file and log. */
final class RunFiles {
    private final Path state;

    RunFiles(Path state) {
        this.state = state;
    }

    Optional<ProcessHandle> running(Component part) {
        Path pid = pidFile(part);
        try {
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void writePid(Component part, long pid) {
        ReadyFile.write(pidFile(part), String.valueOf(pid));
    }

    /** After a stop: a stale pid file is harmless (`running` checks the process itself), but tidy is better. */
    void forget(Component part) {
        deleteQuietly(pidFile(part));
        deleteQuietly(ready(part));
    }

    Path log(Component part) {
        return state.resolve("logs").resolve(part.name() + ".log");
    }

    Path ready(Component part) {
        return state.resolve("run").resolve(part.name() + ".ready");
    }

    private Path pidFile(Component part) {
        return state.resolve("run").resolve(part.name() + ".pid");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is harmless: `running` checks the process itself
        }
    }
}
