package io.migbench.engine.schema;

import io.migbench.engine.MigrationException;
import io.migbench.engine.PausePoints;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds keys and indexes on {@code indexTasks} threads: a table's indexes start as soon as its data is in
 * (while other tables still copy), then its keys are attached, its sequences reset and it is analyzed.
 * Foreign keys come last, once every table has its keys.
 */
public final class FinalizeScheduler implements AutoCloseable {
    private final DataSource target;
    private final TargetFinalizer ddl;
    private final boolean setLogged;
    private final ExecutorService pool;
    private final List<CompletableFuture<Void>> tableFutures = new ArrayList<>();

    /** @param indexMemory maintenance_work_mem per index build, {@code null} for {@link TargetFinalizer}'s default */
    public FinalizeScheduler(DataSource target, int indexTasks, boolean setLogged, String indexMemory) {
        this.target = target;
        this.ddl = new TargetFinalizer(indexMemory);
        this.setLogged = setLogged;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(indexTasks, r -> {
            Thread t = new Thread(r, "migbench-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules the table's after-data work; returns at once. */
    public synchronized void tableCopied(TableDef table) {
        CompletableFuture<Void> logged = setLogged
                ? CompletableFuture.runAsync(() -> run(table, "SET LOGGED", c -> ddl.analyze(c, table, true)), pool)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Void> done = logged.thenCompose(v -> CompletableFuture.allOf(ddl.indexBuilds(table).stream()
                        .map(b -> CompletableFuture.runAsync(() -> run(table, "index " + b.indexName(),
                                c -> {
                                    ddl.buildIndex(c, b);
                                    PausePoints.reach("index-built");
                                }), pool))
                        .toArray(CompletableFuture[]::new)))
                .thenRunAsync(() -> run(table, "keys, sequences and ANALYZE", c -> {
                    ddl.attachKeys(c, table);
                    ddl.resetSequences(c, table);
                    if (!setLogged) {
                        ddl.analyze(c, table, false);
                    }
                }), pool);
        tableFutures.add(done);
    }

    /** Waits for every scheduled table, then adds the foreign keys of {@code tables}. */
    public void finish(List<TableDef> tables) {
        List<CompletableFuture<Void>> all;
        synchronized (this) {
            all = List.copyOf(tableFutures);
        }
        join(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        join(CompletableFuture.allOf(tables.stream()
                .map(t -> CompletableFuture.runAsync(() -> run(t, "foreign keys", c -> ddl.addForeignKeys(c, t)), pool))
                .toArray(CompletableFuture[]::new)));
    }

    private static void join(CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MigrationException m) {
                throw m;
            }
            throw e;
        }
    }

    private interface Step {
        void run(Connection c) throws SQLException;
    }

    private void run(TableDef table, String what, Step step) {
        long started = System.nanoTime();
        try (Connection c = target.getConnection()) {
            step.run(c);
        } catch (SQLException e) {
            throw new MigrationException("finalize (" + what + ") failed: " + e.getMessage(),
                    table.name().toString(), null, 0, java.time.Duration.ofNanos(System.nanoTime() - started), e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
