package org.tredegar.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a job from several threads released at the same moment, as several replicas would. */
final class Jobs {
    private Jobs() {
    }

    interface Job {
        int run() throws Throwable;
    }

    /** Returns how many rows each thread handled. */
    static List<Integer> concurrently(int threads, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Integer> task = () -> {
                    start.await();
                    try {
                        return job.run();
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> handled = new ArrayList<>();
            for (Future<Integer> f : results) {
                handled.add(f.get());
            }
            return handled;
        } finally {
            pool.shutdownNow();
        }
    }
}
