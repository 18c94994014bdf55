package io.migbench.harness.sweep.baseline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on at most {@code threads} threads, in list order (so biggest-first lists start with the biggest).
 * The first failure stops the rest: {@code onFailure} kills what is running, queued jobs never start, and the
 * call returns only when every thread has finished, so no child process outlives it.
 */
final class Parallel {
    private static final long DRAIN_SECONDS = 30;

    interface Job<T> {
        void run(T item) throws BaselineException;
    }

    private Parallel() {}

    static <T> void forEach(String engine, String what, List<T> items, int threads, Job<T> job, Runnable onFailure)
            throws BaselineException {
        if (items.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, engine + "-" + what + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        try {
            CompletionService<Void> done = new ExecutorCompletionService<>(pool);
            for (T item : items) {
                done.submit(() -> {
                    job.run(item);
                    return null;
                });
            }
            for (int i = 0; i < items.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    onFailure.run();
                    if (e.getCause() instanceof BaselineException b) {
                        throw b;
                    }
                    throw new BaselineException(engine, what + " failed: " + e.getCause(), null, null, null,
                            Duration.ofNanos(System.nanoTime() - started), null, e.getCause());
                }
            }
        } catch (InterruptedException e) {
            onFailure.run();
            Thread.currentThread().interrupt();
            throw new BaselineException(engine, what + " was interrupted", null, null, null,
                    Duration.ofNanos(System.nanoTime() - started), null, e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
