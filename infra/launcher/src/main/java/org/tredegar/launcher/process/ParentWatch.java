package org.tredegar.launcher.process;

import java.util.Optional;

/**
 * Ends this JVM when the process that started it is gone. A test JVM that is killed cannot run its shutdown
 * hooks, and a broker or database left behind would hold its port and memory for the next run.
 */
public final class ParentWatch {
    private ParentWatch() {
    }

    public static void start(Optional<Long> parentPid) {
        parentPid.ifPresent(pid -> {
            Thread watcher = new Thread(() -> {
                while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.err.println("parent process " + pid + " is gone; stopping");
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        });
    }
}
