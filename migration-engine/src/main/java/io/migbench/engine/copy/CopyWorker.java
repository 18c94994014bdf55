package io.migbench.engine.copy;

import io.migbench.engine.MigrationException;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.state.Claim;
import io.migbench.engine.state.PartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A copy worker: {@code tasks} threads, each claiming one partition at a time from the target's state table
 * (biggest first), copying it and claiming the next, until every partition of the plan is done, whoever copied
 * it. A thread that finds nothing claimable while other workers still hold partitions waits and looks again, so it
 * takes over the partitions of a worker that dies. After the first failure no thread claims again, the copies in
 * flight are cancelled and their claims given back (each partition commits atomically with its state, so whatever
 * did commit stays valid for any worker or a resume).
 */
public final class CopyWorker {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWorker.class);

    private final DataSource target;
    private final PartitionCopier copier;
    private final PartitionClaims claims;
    private final int tasks;
    private final RetryPolicy retry;
    private final Duration poll;

    /** What the worker reports while it runs; called from its threads. */
    public interface Events {
        /** A partition this worker committed; may throw {@link MigrationException}, which fails the worker. */
        void copied(PartitionOutcome outcome);

        /** Nothing claimable now while other workers still copy; called before each wait (may throw too). */
        default void waiting() {
        }
    }

    /**
     * @param target pool with a connection per task plus one for the lease heartbeat
     * @param poll   how long a thread with nothing to claim waits before it looks again
     */
    public CopyWorker(DataSource target, PartitionCopier copier, PartitionClaims claims, int tasks, RetryPolicy retry,
                      Duration poll) {
        this.target = target;
        this.copier = copier;
        this.claims = claims;
        this.tasks = tasks;
        this.retry = retry;
        this.poll = poll;
    }

    /**
     * @param tables the plan, by table (its partitions as recorded in the state table)
     * @return outcomes of the partitions this worker copied
     */
    public List<PartitionOutcome> run(Map<TableName, TablePlan> tables, CopyCounter counter, Events events)
            throws InterruptedException {
        AtomicReference<MigrationException> failure = new AtomicReference<>();
        List<PartitionOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean toldWaiting = new AtomicBoolean();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tasks, r -> {
            Thread t = new Thread(r, "migbench-copy-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (LeaseHeartbeat heartbeat = new LeaseHeartbeat(target, claims)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(pool.submit(() -> {
                    loop(tables, counter, events, failure, outcomes, toldWaiting);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause() instanceof MigrationException m ? m
                            : new MigrationException("copy task failed: " + e.getCause(), null, null, 0, null, e.getCause()));
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

    private void loop(Map<TableName, TablePlan> tables, CopyCounter counter, Events events,
                      AtomicReference<MigrationException> failure, List<PartitionOutcome> outcomes,
                      AtomicBoolean toldWaiting) throws InterruptedException {
        while (failure.get() == null) {
            try {
                Optional<PartitionOutcome> outcome = claimAndCopy(tables, counter, failure);
                if (outcome == null) {
                    return;
                }
                if (outcome.isPresent()) {
                    outcomes.add(outcome.get());
                    events.copied(outcome.get());
                } else {
                    if (toldWaiting.compareAndSet(false, true)) {
                        LOG.info("worker {}: nothing to claim, waiting for the partitions other workers hold",
                                claims.workerId());
                    }
                    events.waiting();
                    Thread.sleep(poll.toMillis());
                }
            } catch (MigrationException e) {
                if (failure.compareAndSet(null, e)) {
                    copier.cancelRunning();
                }
                return;
            }
        }
    }

    /**
     * @return the outcome of a partition copied now; empty when nothing is claimable but some partition is still
     *         held by another worker (or was lost to one); {@code null} when every partition is done
     */
    private Optional<PartitionOutcome> claimAndCopy(Map<TableName, TablePlan> tables, CopyCounter counter,
                                                    AtomicReference<MigrationException> failure)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Connection c = null;
            try {
                c = target.getConnection();
                Optional<Claim> claimed = claims.claimNext(c);
                if (claimed.isEmpty()) {
                    return claims.notDone(c) == 0 ? null : Optional.empty();
                }
                return Optional.of(copyClaimed(c, claimed.get(), tables, counter, failure));
            } catch (ClaimLostException e) {
                LOG.warn("{}", e.getMessage());
                return Optional.empty();
            } catch (SQLException e) {
                // claiming needs the target: a lost connection is retried like a lost copy
                MigrationException failed = new MigrationException("claiming a partition failed: " + e.getMessage(),
                        null, null, 0, null, e);
                if (!retry.retries(attempt, failed) || failure.get() != null) {
                    throw failed;
                }
                LOG.warn("worker {}: claiming a partition failed (attempt {} of {}), again in {} ms: {}",
                        claims.workerId(), attempt, retry.attempts(), retry.backoffAfter(attempt).toMillis(), e.getMessage());
                Thread.sleep(retry.backoffAfter(attempt).toMillis());
            } finally {
                closeQuietly(c);
            }
        }
    }

    /** Copies a partition claimed on {@code c}; a failed one is given back at once (else it waits for its lease). */
    private PartitionOutcome copyClaimed(Connection c, Claim claim, Map<TableName, TablePlan> tables, CopyCounter counter,
                                         AtomicReference<MigrationException> failure) throws InterruptedException {
        try {
            TablePlan table = tables.get(claim.partition().table());
            if (table == null) {
                throw new MigrationException("the plan in the target has partitions of " + claim.partition().table()
                        + ", which this worker's source does not have", claim.partition().table().toString(),
                        claim.partition().describe(), 0, null, null);
            }
            return copyWithRetries(c, claim, table, counter, failure);
        } catch (MigrationException e) {
            release(claim, e.getMessage());
            throw e;
        }
    }

    /** Copies a claimed partition, again after a lost connection while the policy allows and no other partition failed. */
    private PartitionOutcome copyWithRetries(Connection c, Claim claim, TablePlan table, CopyCounter counter,
                                             AtomicReference<MigrationException> failure) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt == 1 ? copier.copy(c, claim, table, counter) : copier.copyAgain(claim, table, counter);
            } catch (MigrationException e) {
                if (!retry.retries(attempt, e) || failure.get() != null) {
                    throw e;
                }
                Duration wait = retry.backoffAfter(attempt);
                LOG.warn("{} partition {}: connection lost (attempt {} of {}), copying the range again in {} ms: {}",
                        table.table().name(), claim.partition().describe(), attempt, retry.attempts(), wait.toMillis(),
                        e.getMessage());
                Thread.sleep(wait.toMillis());
            }
        }
    }

    private void release(Claim claim, String why) {
        try (Connection c = target.getConnection()) {
            claims.release(c, claim, why);
        } catch (SQLException e) {
            LOG.debug("releasing {} failed, its lease will expire instead: {}", claim.partition(), e.getMessage());
        }
    }

    /** A connection whose server went away may fail to close (its rollback): the copy's result stands. */
    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing a broken target connection failed: {}", e.getMessage());
        }
    }
}
