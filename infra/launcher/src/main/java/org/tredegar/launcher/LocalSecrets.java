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

    /** The SMS provider account's secret, shared by the sandbox (signs webhooks) and the services (check them). */
    static final String SMS_AUTH_TOKEN = "TREDEGAR_SMS_AUTH_TOKEN";

    static Map<String, String> load(Path state) {
        Path file = state.resolve("secrets.properties");
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    props.load(in);
                }
            }
            // Keys added by a newer version are made on first use, next to the ones a machine already has.
            SecureRandom random = new SecureRandom();
            boolean added = putIfMissing(props, "TREDEGAR_CONTACT_KEYS", () -> "local1:" + key(random));
            added |= putIfMissing(props, "TREDEGAR_CONTACT_ACTIVE_KEY", () -> "local1");
            added |= putIfMissing(props, "TREDEGAR_CONTACT_HASH_KEY", () -> key(random));
            added |= putIfMissing(props, SMS_AUTH_TOKEN, () -> key(random));
            if (added) {
                write(file, props);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(name -> env.put(name, props.getProperty(name)));
        return env;
    }

    private static boolean putIfMissing(Properties props, String name, java.util.function.Supplier<String> value) {
        if (props.getProperty(name) != null) {
            return false;
        }
        props.setProperty(name, value.get());
        return true;
    }

    private static void write(Path file, Properties props) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file stays as private as the folder it is in
            }
        }
        try (var out = Files.newOutputStream(file)) {
            props.store(out, "local platform keys, made by ./tredegar up; never commit");
        }
    }

    private static String key(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
