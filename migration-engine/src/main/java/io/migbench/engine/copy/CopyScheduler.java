package io.migbench.engine.copy;

import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.MigrationException;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the pending partitions on {@code tasks} threads, biggest first, and tells {@code onTableCopied} as soon
 * as all partitions of a table are in (so its keys can be built while other tables still copy). After the first
 * failure no further partition starts and the running ones are cancelled (each commits atomically with its state,
 * so whatever did commit stays valid for a resume).
 */
public final class CopyScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CopyScheduler.class);

    private final PartitionCopier copier;
    private final int tasks;
    private final RetryPolicy retry;

    public CopyScheduler(PartitionCopier copier, int tasks, RetryPolicy retry) {
        this.copier = copier;
        this.tasks = tasks;
        this.retry = retry;
    }

    /**
     * @param done       partitions finished by an earlier run (skipped)
     * @param clearRange whether a pending partition's range is deleted before it is copied (resume)
     * @return outcomes of the partitions copied now
     */
    public List<PartitionOutcome> run(MigrationPlan plan, Set<Partition> done, boolean clearRange,
                                      CopyCounter counter, Consumer<PartitionOutcome> onPartitionCopied,
                                      Consumer<TablePlan> onTableCopied)
            throws InterruptedException {
        Map<TableName, TablePlan> tables = new HashMap<>();
        Map<TableName, AtomicInteger> remaining = new ConcurrentHashMap<>();
        for (TablePlan t : plan.tables()) {
            tables.put(t.table().name(), t);
            int pending = (int) t.partitions().stream().filter(p -> !done.contains(p)).count();
            remaining.put(t.table().name(), new AtomicInteger(pending));
            if (pending == 0) {
                onTableCopied.accept(t);
            }
        }
        AtomicReference<MigrationException> failure = new AtomicReference<>();
        List<PartitionOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tasks, r -> {
            Thread t = new Thread(r, "migbench-copy-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Partition p : plan.partitionsBiggestFirst()) {
                if (done.contains(p)) {
                    continue;
                }
                TablePlan table = tables.get(p.table());
                futures.add(pool.submit(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        PartitionOutcome outcome = copyWithRetries(table, p, clearRange, counter, failure);
                        outcomes.add(outcome);
                        onPartitionCopied.accept(outcome);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (MigrationException e) {
                        if (failure.compareAndSet(null, e)) {
                            copier.cancelRunning();
                        }
                        return;
                    }
                    if (remaining.get(p.table()).decrementAndGet() == 0) {
                        onTableCopied.accept(table);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, new MigrationException("copy task failed: " + e.getCause(),
                            null, null, 0, null, e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.copyOf(outcomes);
    }

    /** Copies a partition, again after a lost connection while the policy allows and no other partition failed. */
    private PartitionOutcome copyWithRetries(TablePlan table, Partition p, boolean clearRange, CopyCounter counter,
                                             AtomicReference<MigrationException> failure) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt == 1 ? copier.copy(table, p, clearRange, counter)
                        : copier.copyAgain(table, p, counter);
            } catch (MigrationException e) {
                if (!retry.retries(attempt, e) || failure.get() != null) {
                    throw e;
                }
                java.time.Duration wait = retry.backoffAfter(attempt);
                LOG.warn("{} partition {}: connection lost (attempt {} of {}), copying the range again in {} ms: {}",
                        table.table().name(), p.describe(), attempt, retry.attempts(), wait.toMillis(), e.getMessage());
                Thread.sleep(wait.toMillis());
            }
        }
    }
}
