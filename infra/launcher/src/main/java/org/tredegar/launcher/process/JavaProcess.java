package org.tredegar.launcher.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a program as a JVM of its own, output appended to a log file. Detached processes are started through
 * setsid so that they outlive `./tredegar up` and do not get the terminal's Ctrl-C.
 */
public final class JavaProcess {
    private JavaProcess() {
    }

    public static Process start(List<String> jvmAndProgramArgs, Map<String, String> env, Path log, boolean detached) {
        List<String> command = new ArrayList<>();
        if (detached && new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmAndProgramArgs);
        return run(command, env, log);
    }

    public static Process run(List<String> command, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }

    /** The launcher's own classpath: what a node needs to run as its own JVM. */
    public static String launcherClasspath() {
        return System.getProperty("java.class.path");
    }

    /** Stops a process and everything it started: gracefully first, then by force. */
    public static void stopTree(ProcessHandle process, long graceMillis) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + graceMillis;
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && System.currentTimeMillis() < deadline) {
                ReadyFile.sleep(100);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
