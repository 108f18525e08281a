package org.tredegar.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Keys the local platform needs but the repository must not hold: made once per machine with a secure random,
 * kept in .tredegar/secrets.properties (owner-only), and wiped with --fresh together with the data they protect.
 */
final class LocalSecrets {
    private LocalSecrets() {
    }

    static Map<String, String> load(Path state) {
        Path file = state.resolve("secrets.properties");
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    props.load(in);
                }
            } else {
                SecureRandom random = new SecureRandom();
                props.setProperty("TREDEGAR_CONTACT_KEYS", "local1:" + key(random));
                props.setProperty("TREDEGAR_CONTACT_ACTIVE_KEY", "local1");
                props.setProperty("TREDEGAR_CONTACT_HASH_KEY", key(random));
                Files.createDirectories(state);
                Files.writeString(file, "");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the file stays as private as the folder it is in
                }
                try (var out = Files.newOutputStream(file)) {
                    props.store(out, "local platform keys, made by ./tredegar up; never commit");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(name -> env.put(name, props.getProperty(name)));
        return env;
    }

    private static String key(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
