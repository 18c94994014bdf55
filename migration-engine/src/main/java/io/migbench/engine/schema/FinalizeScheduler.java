package io.migbench.engine.schema;

import io.migbench.engine.MigrationException;
import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.RunTimeline;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds keys and indexes on {@code indexTasks} threads: a table's indexes start as soon as its data is in
 * (while other tables still copy), then its keys are attached, its sequences reset and it is analyzed. A
 * partitioned table's keys and indexes are created on it once every partition of its tree is in and finalized,
 * so they cascade to all partitions. A copied table's {@link AfterCopy} work (its count check) runs on the same pool
 * beside its index builds, so only the last table's finalization is left when the last COPY ends. Foreign keys come last, once
 * every table has its keys. Every step is recorded in the {@link RunTimeline}.
 */
public final class FinalizeScheduler implements AutoCloseable {
    private final DataSource target;
    private final TargetFinalizer ddl;
    private final boolean setLogged;
    private final ExecutorService pool;
    private final RunTimeline timeline;
    private final AfterCopy afterCopy;
    private final List<CompletableFuture<Void>> futures = new ArrayList<>();
    /** Per tree root: its partitioned tables (root first) and the leaves not yet scheduled, with their futures. */
    private final Map<TableName, Tree> trees = new HashMap<>();

    private static final class Tree {
        final List<TableDef> partitioned = new ArrayList<>();
        final List<CompletableFuture<Void>> leaves = new ArrayList<>();
        int pendingLeaves;
    }

    /** Work on a copied table's data beside its finalization, on the same pool; throws {@link MigrationException}. */
    public interface AfterCopy {
        AfterCopy NOTHING = table -> { };

        void run(TableDef table);
    }

    /** For tables finalized one by one (a partition's tree, if any, is not finalized here). */
    public FinalizeScheduler(DataSource target, int indexTasks, boolean setLogged, String indexMemory) {
        this(target, new SourceSchema(List.of(), List.of(), List.of(), List.of(), ""), indexTasks, setLogged, indexMemory,
                new RunTimeline(System.nanoTime()), AfterCopy.NOTHING);
    }

    /**
     * @param schema        the tables of the migration (its partition trees are finalized as trees)
     * @param indexMemory   maintenance_work_mem per index build, {@code null} for {@link TargetFinalizer}'s default
     * @param afterCopy     run for each copied table (not for partitioned parents) once its data is in
     */
    public FinalizeScheduler(DataSource target, SourceSchema schema, int indexTasks, boolean setLogged, String indexMemory,
                             RunTimeline timeline, AfterCopy afterCopy) {
        this.target = target;
        this.timeline = timeline;
        this.afterCopy = afterCopy;
        this.ddl = new TargetFinalizer(indexMemory);
        this.setLogged = setLogged;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(indexTasks, r -> {
            Thread t = new Thread(r, "migbench-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (TableDef p : schema.partitionedTables()) {
            trees.computeIfAbsent(p.partition() ? p.partitionOf().root() : p.name(), k -> new Tree()).partitioned.add(p);
        }
        for (TableDef t : schema.tables()) {
            if (t.partition()) {
                trees.get(t.partitionOf().root()).pendingLeaves++;
            }
        }
        trees.values().stream().filter(tree -> tree.pendingLeaves == 0).toList().forEach(this::schedule);
    }

    /** Schedules the table's after-data work (and its tree's, once it is the tree's last partition); returns at once. */
    public synchronized void tableCopied(TableDef table) {
        CompletableFuture<Void> loaded = setLogged(table);
        CompletableFuture<Void> done = finalizeTable(table, loaded);
        futures.add(done);
        // beside the index builds (a read takes no lock they conflict with), so the last table's tail uses two backends
        futures.add(loaded.thenRunAsync(() -> afterCopy.run(table), pool));
        Tree tree = table.partition() ? trees.get(table.partitionOf().root()) : null;
        if (tree != null) {
            tree.leaves.add(done);
            if (--tree.pendingLeaves == 0) {
                schedule(tree);
            }
        }
    }

    /** An UNLOGGED-loaded table switched to LOGGED (and analyzed), else nothing to wait for. */
    private CompletableFuture<Void> setLogged(TableDef table) {
        return setLogged && !table.partitioned()
                ? CompletableFuture.runAsync(() -> run(table, "set-logged", "", c -> ddl.analyze(c, table, true)), pool)
                : CompletableFuture.completedFuture(null);
    }

    /** Indexes, then keys and sequences, then ANALYZE (which waits for index builds' locks anyway). */
    private CompletableFuture<Void> finalizeTable(TableDef table, CompletableFuture<Void> loaded) {
        return loaded.thenCompose(v -> buildIndexes(table))
                .thenRunAsync(() -> {
                    run(table, "keys", "", c -> {
                        ddl.attachKeys(c, table);
                        ddl.resetSequences(c, table);
                    });
                    if (!setLogged && !table.partitioned()) {
                        run(table, "analyze", "", c -> ddl.analyze(c, table, false));
                    }
                }, pool);
    }

    private CompletableFuture<Void> buildIndexes(TableDef table) {
        return CompletableFuture.allOf(ddl.indexBuilds(table).stream()
                .map(b -> CompletableFuture.runAsync(() -> run(table, "index", b.indexName(), c -> {
                    ddl.buildIndex(c, b);
                    PausePoints.reach("index-built");
                }), pool))
                .toArray(CompletableFuture[]::new));
    }

    /** A tree's partitioned tables, root first, after all its leaves are finalized. */
    private void schedule(Tree tree) {
        CompletableFuture<Void> chain = CompletableFuture.allOf(tree.leaves.toArray(CompletableFuture[]::new));
        for (TableDef p : tree.partitioned) {
            chain = chain.thenCompose(v -> finalizeTable(p, setLogged(p)));
        }
        futures.add(chain);
    }

    /** Waits for every scheduled table, then adds the foreign keys of {@code tables}. */
    public void finish(List<TableDef> tables) {
        List<CompletableFuture<Void>> all;
        synchronized (this) {
            all = List.copyOf(futures);
        }
        join(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        join(CompletableFuture.allOf(tables.stream()
                .map(t -> CompletableFuture.runAsync(() -> run(t, "foreign-keys", "", c -> ddl.addForeignKeys(c, t)), pool))
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

    private void run(TableDef table, String what, String detail, Step step) {
        long started = System.nanoTime();
        try (Connection c = target.getConnection()) {
            step.run(c);
        } catch (SQLException e) {
            throw new MigrationException("finalize (" + what + (detail.isEmpty() ? "" : " " + detail) + ") failed: "
                    + e.getMessage(), table.name().toString(), null, 0,
                    java.time.Duration.ofNanos(System.nanoTime() - started), e);
        }
        timeline.record(table.name().toString(), what, detail, started, System.nanoTime());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
