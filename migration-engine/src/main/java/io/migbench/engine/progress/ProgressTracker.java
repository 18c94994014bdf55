package io.migbench.engine.progress;

import io.migbench.engine.Phase;
import io.migbench.engine.ProgressEvent;
import io.migbench.engine.ProgressListener;
import io.migbench.engine.copy.CopyCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects rows and bytes from all copy tasks (cheap, contention-free adders) and sends the listener an event
 * on every phase change and once a second in between (until DONE), from the first phase change on (a run that fails while
 * connecting reports nothing but its error). A failing listener is logged, never fatal.
 */
public final class ProgressTracker implements CopyCounter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressTracker.class);

    private final ProgressListener listener;
    private final long startNanos = System.nanoTime();
    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final AtomicInteger partitionsDone = new AtomicInteger();
    private final ScheduledExecutorService ticker;
    private volatile Phase phase = Phase.SCHEMA;
    private volatile boolean started;
    private volatile int partitionsTotal;
    private volatile long estimatedRows;

    public ProgressTracker(ProgressListener listener) {
        this.listener = listener;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "migbench-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            // nothing moves once done (a plan holding its snapshot waits there for hours)
            if (started && phase != Phase.DONE) {
                emit(null);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    public void plan(int partitions, int alreadyDone, long estimatedTotalRows, long rowsAlreadyCopied) {
        this.partitionsTotal = partitions;
        this.partitionsDone.set(alreadyDone);
        this.estimatedRows = estimatedTotalRows;
        this.rows.add(rowsAlreadyCopied);
    }

    public void phase(Phase next, String message) {
        this.phase = next;
        this.started = true;
        emit(message);
    }

    public void partitionDone() {
        partitionsDone.incrementAndGet();
    }

    @Override
    public void copied(long rowDelta, long byteDelta) {
        rows.add(rowDelta);
        bytes.add(byteDelta);
    }

    public long rows() {
        return rows.sum();
    }

    private void emit(String message) {
        try {
            listener.onProgress(new ProgressEvent(phase, rows.sum(), bytes.sum(), partitionsDone.get(),
                    partitionsTotal, estimatedRows, (System.nanoTime() - startNanos) / 1e9, message));
        } catch (RuntimeException e) {
            LOG.warn("progress listener failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
