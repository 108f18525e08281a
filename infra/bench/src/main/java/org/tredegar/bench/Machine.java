package org.tredegar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/** What the figures were measured on: they mean little without it. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the core count and memory still say something
        }
        long memGiB = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024.0 * 1024 * 1024));
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGiB + " GiB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    /**
     * How fast this machine computes right now: SHA-256 over a 64 KiB buffer on every core for {@code seconds}, in
     * MB/s for all cores together. A shared (virtual) machine's speed drifts with its neighbours; the same code has
     * given figures 40 % apart an hour apart. A probe before and after each benchmark says whether two figures were
     * measured on a machine of the same speed. Nothing else runs the probe's code, so a change of ours cannot move it.
     * It sees the cores only: {@link #probeMemoryNanos()} sees the memory.
     */
    static double probeMegabytesPerSecond(double seconds) {
        int threads = Runtime.getRuntime().availableProcessors();
        byte[] buffer = new byte[64 * 1024];
        LongAdder bytes = new LongAdder();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                MessageDigest sha;
                try {
                    sha = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                while (System.nanoTime() < end) {
                    sha.update(buffer);
                    bytes.add(buffer.length);
                }
                sha.digest();
            });
            worker.start();
            workers.add(worker);
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Double.NaN;
            }
        }
        return bytes.sum() / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * How long one read from memory takes right now, in ns: a walk through one random cycle over 128 MiB, so nearly
     * every read misses the caches (and the TLB). The cores can read as fast as ever while neighbours on the same
     * host fill the shared cache and memory bus; a service like ours, chasing pointers through many small objects,
     * slows down with it.
     */
    static double probeMemoryNanos() {
        int[] next = new int[1 << 25];
        for (int i = 0; i < next.length; i++) {
            next[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = next.length - 1; i > 0; i--) { // Sattolo: one cycle through every slot
            int j = random.nextInt(i);
            int swap = next[i];
            next[i] = next[j];
            next[j] = swap;
        }
        int steps = 10_000_000;
        double best = Double.MAX_VALUE;
        int at = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                at = next[at];
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) steps);
        }
        return at == -1 ? Double.NaN : best; // reads `at` so the walk cannot be left out
    }
}
