package org.tredegar.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A closed-loop load: N callers each send, wait for the answer, send again, for a fixed time after a warm-up.
 * Latency is measured per call; throughput is calls completed per second of the measured window.
 */
final class LoadDriver {
    interface Call {
        /** Returns true when the answer was the expected one. */
        boolean run(int caller, long sequence) throws Exception;
    }

    record Result(long calls, long failures, double seconds, double perSecond, double p50Millis, double p99Millis,
                  double maxMillis) {
    }

    static Result run(int callers, Duration warmUp, Duration measure, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        // Calls completed per 10 s of the whole run, printed at the end: drift (a slower second minute, a pause)
        // shows there and not in the averages.
        AtomicLongArray perTenSeconds = new AtomicLongArray((int) ((end - start) / 10_000_000_000L) + 1);
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Callable<long[]> task = () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    boolean ok;
                    try {
                        ok = call.run(caller, sequence.incrementAndGet());
                    } catch (Exception e) {
                        ok = false;
                    }
                    long t1 = System.nanoTime();
                    perTenSeconds.incrementAndGet((int) Math.min(perTenSeconds.length() - 1, (t1 - start) / 10_000_000_000L));
                    if (t0 >= measureFrom && t1 <= end) {
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = t1 - t0;
                    }
                }
                return Arrays.copyOf(latencies, n);
            };
            futures.add(pool.submit(task));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        pool.shutdown();
        System.out.println("calls/s per 10 s (warm-up first): " + IntStream.range(0, perTenSeconds.length())
                .mapToObj(i -> String.valueOf(perTenSeconds.get(i) / 10)).collect(Collectors.joining(" ")));
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = measure.toNanos() / 1e9;
        return new Result(all.length, failures.get(), seconds, (all.length - failures.get()) / seconds, percentile(all, 0.50),
                percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
