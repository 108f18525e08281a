package org.tredegar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the launcher's classpath (written by the launcher module's build). */
public final class Launcher {
    private Launcher() {
    }

    public static Path root() {
        String configured = System.getProperty("tredegar.root");
        if (configured != null && Files.exists(Path.of(configured, "infra/launcher"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/launcher/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the Tredegar root (set -Dtredegar.root)");
        }
        return dir;
    }

    public static String classpath() {
        Path target = root().resolve("infra/launcher/target");
        Path file = target.resolve("classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException("infra/launcher is not built: run ./tredegar test from the root");
        }
        try {
            return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
