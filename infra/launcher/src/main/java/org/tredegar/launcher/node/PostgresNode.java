package org.tredegar.launcher.node;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.tredegar.launcher.process.Args;
import org.tredegar.launcher.process.ParentWatch;
import org.tredegar.launcher.process.ReadyFile;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, run as its own JVM. Each service gets a
 * database of its own (no shared tables); the user `tredegar` owns them all. Stops the server on SIGTERM.
 *
 * <pre>--data DIR --port N --databases a,b,c --ready FILE [--durable] [--parent-pid PID]</pre>
 */
public final class PostgresNode {
    public static final String USER = "tredegar";
    public static final String PASSWORD = "tredegar";

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        ParentWatch.start(args.parentPid());
        Path data = Path.of(args.required("data")).toAbsolutePath();
        int port = args.intValue("port", 55432);
        File work = data.resolveSibling(data.getFileName() + "-binaries").toFile();
        work.mkdirs();

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (args.optional("durable").isPresent()) {
            // The embedded defaults trade durability for speed (fsync off): right for tests, wrong for data people
            // rely on between restarts and for honest benchmark figures.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("postgres did not stop cleanly: " + e.getMessage());
            }
        }, "postgres-stop"));

        createRoleAndDatabases(postgres, args.list("databases"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " databases " + args.list("databases"));
        args.optional("ready").ifPresent(f -> ReadyFile.write(Path.of(f), "jdbc:postgresql://127.0.0.1:" + port + "/"));
        new CountDownLatch(1).await();
    }

    private static void createRoleAndDatabases(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
                }
            }
            for (String db : databases) {
                if (!db.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database names are lower-case words: " + db);
                }
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + db + " OWNER " + USER);
                    }
                }
            }
        }
    }
}
