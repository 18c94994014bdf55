package io.migbench.harness.dataset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a {@link LoadPlan}: set-based SQL executed inside the database, spread over several connections.
 * Failures carry the dataset, table, chunk range, elapsed time and the original SQLState.
 */
public final class ParallelSqlLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelSqlLoader.class);
    private final String dataset;
    private final SqlDialect dialect;
    private final Connector connector;
    private final int parallelism;
    private final Map<String, LongAdder> rows = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> seconds = new ConcurrentHashMap<>();

    private ParallelSqlLoader(String dataset, SqlDialect dialect, Connector connector, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: must be ≥ 1, got " + parallelism);
        }
        this.dataset = dataset;
        this.dialect = dialect;
        this.connector = connector;
        this.parallelism = parallelism;
    }

    public static LoadReport load(String dataset, double scale, long seed, SqlDialect dialect, LoadPlan plan,
                                  Connector connector, int parallelism) throws SQLException {
        return new ParallelSqlLoader(dataset, dialect, connector, parallelism).run(scale, seed, plan);
    }

    private LoadReport run(double scale, long seed, LoadPlan plan) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = open(); Statement st = c.createStatement()) {
            for (String sql : plan.setup()) {
                execute(st, sql, "setup", "", start);
            }
        }
        List<Task> inserts = new ArrayList<>();
        plan.chunks().stream().sorted(Comparator.comparingDouble(LoadPlan.Chunk::cost).reversed())
                .forEach(chunk -> inserts.add(new Task(chunk.table(), chunk.range(), c -> insert(c, chunk))));
        runInParallel(inserts);
        List<Task> finishing = new ArrayList<>();
        plan.tables().stream()
                .sorted(Comparator.comparingLong((String t) -> rowsOf(t)).reversed())
                .forEach(table -> finishing.add(new Task(table, "keys and statistics", c -> {
                    try (Statement st = c.createStatement()) {
                        for (String sql : plan.finish().getOrDefault(table, List.of())) {
                            long t0 = System.nanoTime();
                            execute(st, sql, table, "keys and statistics", t0);
                            seconds(table).add(elapsed(t0));
                        }
                    }
                })));
        runInParallel(finishing);
        if (!plan.closing().isEmpty()) {
            try (Connection c = open(); Statement st = c.createStatement()) {
                for (String sql : plan.closing()) {
                    execute(st, sql, "(all tables)", "closing statements", System.nanoTime());
                }
            }
        }
        List<TableLoad> tables = new ArrayList<>();
        Map<String, Long> sizes = sizes(plan.tables());
        for (String table : plan.tables()) {
            tables.add(new TableLoad(table, rowsOf(table), sizes.getOrDefault(table, 0L), seconds(table).sum()));
        }
        LoadReport report = new LoadReport(dataset, scale, seed, parallelism, tables, elapsed(start));
        LOG.info("loaded {}", report.summary());
        return report;
    }

    /**
     * Stored bytes per table; empty (sizes unknown, logged) where a SQL Server look-alike has no page counts
     * (Babelfish: no sys.allocation_units), which the load report shows as 0 B.
     */
    private Map<String, Long> sizes(List<String> tableNames) throws SQLException {
        Map<String, Long> sizes = new java.util.HashMap<>();
        try (Connection c = open(); PreparedStatement size = c.prepareStatement(dialect.totalSizeQuery())) {
            for (String table : tableNames) {
                size.setString(1, dialect.quote(table));
                try (ResultSet rs = size.executeQuery()) {
                    rs.next();
                    sizes.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            if (dialect != SqlDialect.SQLSERVER) {
                throw e;
            }
            LOG.warn("dataset {}: table sizes unknown, this server shows no page counts: {} (SQLState {})", dataset,
                    e.getMessage(), e.getSQLState());
            sizes.clear();
        }
        return sizes;
    }

    private void insert(Connection c, LoadPlan.Chunk chunk) throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(chunk.sql())) {
            for (int i = 0; i < chunk.params().size(); i++) {
                Object param = chunk.params().get(i);
                if (param instanceof String[] array) {
                    // a real array parameter arrives as one value; "?::text[]" on a string would be parsed per row
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setString(i + 1, (String) param);
                }
            }
            int inserted = ps.executeUpdate();
            if (inserted != chunk.rows()) {
                throw new SQLException(String.format(Locale.ROOT, "dataset %s: table %s %s inserted %d rows, expected %d",
                        dataset, chunk.table(), chunk.range(), inserted, chunk.rows()));
            }
            rows.computeIfAbsent(chunk.table(), k -> new LongAdder()).add(inserted);
            seconds(chunk.table()).add(elapsed(t0));
        } catch (SQLException e) {
            throw failure(e, chunk.table(), chunk.range(), t0);
        }
    }

    private void execute(Statement st, String sql, String table, String what, long t0) throws SQLException {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            throw failure(e, table, what, t0);
        }
    }

    private SQLException failure(SQLException e, String table, String what, long t0) {
        if (e.getMessage() != null && e.getMessage().startsWith("dataset ")) {
            return e;
        }
        return new SQLException(String.format(Locale.ROOT, "dataset %s: table %s %s failed after %.1f s (%d rows loaded so far): %s",
                dataset, table, what, elapsed(t0), rowsOf(table), e.getMessage()), e.getSQLState(), e.getErrorCode(), e);
    }

    /** Workers with one connection each take tasks from a shared queue; the first failure stops them all. */
    private void runInParallel(List<Task> tasks) throws SQLException {
        Queue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
        AtomicReference<SQLException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, tasks.size()); i++) {
            Thread worker = new Thread(() -> {
                try (Connection c = open()) {
                    for (Task t = queue.poll(); t != null && failure.get() == null; t = queue.poll()) {
                        t.work().run(c);
                    }
                } catch (SQLException e) {
                    if (!failure.compareAndSet(null, e)) {
                        failure.get().addSuppressed(e);
                    }
                }
            }, "dataset-" + dataset + "-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queue.clear();
                throw new SQLException("dataset " + dataset + ": load interrupted", "57014", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private Connection open() throws SQLException {
        Connection c = connector.open();
        try (Statement st = c.createStatement()) {
            for (String s : dialect.loaderSessionSettings()) {
                st.execute(s);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private long rowsOf(String table) {
        LongAdder a = rows.get(table);
        return a == null ? 0 : a.sum();
    }

    private DoubleAdder seconds(String table) {
        return seconds.computeIfAbsent(table, k -> new DoubleAdder());
    }

    private static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private record Task(String table, String what, Work work) {}

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }
}
