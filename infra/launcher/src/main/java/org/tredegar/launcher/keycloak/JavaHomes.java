package org.tredegar.launcher.keycloak;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK newer than the one we run on. The platform builds and runs on Java 17, but Keycloak 26 needs 21 or
 * newer, so the launcher has to find a second JDK for it rather than use its own. We read each JDK's
 * {@code release} file instead of running {@code java -version}: it is instant and does not start a JVM.
 */
public final class JavaHomes {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9][0-9._]*)");

    private JavaHomes() {
    }

    /**
     * JAVA_HOME if it is new enough (the user's explicit choice wins), else the JVM running us, else the newest
     * JDK under /usr/lib/jvm, where Debian/Ubuntu packages and most tarball installs put them.
     */
    public static Optional<Path> findJdk(int minimumMajor) {
        Optional<Path> javaHome = Optional.ofNullable(System.getenv("JAVA_HOME"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .filter(home -> major(home).orElse(0) >= minimumMajor && hasJava(home));
        if (javaHome.isPresent()) {
            return javaHome;
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= minimumMajor && hasJava(running)) {
            return Optional.of(running);
        }
        return installedJdks().stream()
                .filter(home -> major(home).orElse(0) >= minimumMajor)
                .max(Comparator.comparingInt((Path home) -> major(home).orElse(0)))
                .map(Path::toAbsolutePath);
    }

    /** The major version in a JDK's {@code release} file: "25.0.3" gives 25, the old "1.8.0_402" gives 8. */
    static OptionalInt major(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return OptionalInt.empty();
            }
            String[] parts = m.group(1).split("[._]");
            int first = Integer.parseInt(parts[0]);
            return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static List<Path> installedJdks() {
        // Debian lists the same JDK under several names (symlinks); real paths de-duplicate them.
        Set<Path> homes = new LinkedHashSet<>();
        if (Files.isDirectory(JVM_DIR)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(JVM_DIR)) {
                for (Path dir : dirs) {
                    if (hasJava(dir)) {
                        homes.add(dir.toRealPath());
                    }
                }
            } catch (IOException e) {
                return List.of();
            }
        }
        return new ArrayList<>(homes);
    }

    private static boolean hasJava(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("java"));
    }
}
