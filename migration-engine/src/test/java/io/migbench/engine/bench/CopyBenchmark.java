package io.migbench.engine.bench;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.Migrator;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TargetMode;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionPlanner;
import io.migbench.engine.plan.PgSplitSampler;
import io.migbench.engine.plan.RangeSql;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TargetSchemaWriter;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the engine beside the physical limit: parallel {@code psql | psql} binary COPY pipes over key-range
 * and ctid-range slices (the same slices the engine would plan), and {@code pgcopydb clone} when installed.
 * Each run gets a fresh target database; prints one line per run and the median ratios.
 *
 * <pre>
 * mvn -B -q -pl migration-engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.migbench.engine.bench.CopyBenchmark \
 *   -Dexec.args="SOURCE_JDBC_URL TARGET_SERVER_JDBC_URL TASKS RUNS"
 * </pre>
 * The source must hold the loaded dataset (schema public); the target server URL names any existing database
 * there (e.g. {@code postgres}) and is used to create and drop {@code migbench_bench} databases. User and password
 * come from the environment: PGUSER, PGPASSWORD. A fifth argument {@code skip} leaves pgcopydb out; pgcopydb runs
 * pg_dump, whose major version must not be older than the source server's.
 */
public final class CopyBenchmark {
    private final String source;
    private final String targetServer;
    private final int tasks;
    private final String user = System.getenv().getOrDefault("PGUSER", "postgres");
    private final String password = System.getenv("PGPASSWORD");

    private final boolean withPgcopydb;

    private CopyBenchmark(String source, String targetServer, int tasks, boolean withPgcopydb) {
        this.source = source;
        this.targetServer = targetServer;
        this.tasks = tasks;
        this.withPgcopydb = withPgcopydb;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CopyBenchmark SOURCE_JDBC_URL TARGET_SERVER_JDBC_URL [TASKS=4] [RUNS=3] [auto|skip]");
            System.exit(2);
        }
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean pgcopydb = !(args.length > 4 && args[4].equals("skip")) && onPath("pgcopydb");
        new CopyBenchmark(args[0], args[1], tasks, pgcopydb).run(runs);
    }

    private void run(int runs) throws Exception {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        long rows = 0;
        for (int r = 1; r <= runs; r++) {
            record("pipe key ranges (copy)", seconds, pipes(SplitStrategy.KEY));
            record("pipe ctid ranges (copy)", seconds, pipes(SplitStrategy.CTID));
            MigrationResult engine = engine();
            rows = engine.totalRows();
            record("engine copy phase", seconds, engine.timings().copySeconds());
            record("engine total (schema+copy+keys+count verify)", seconds, engine.timings().totalSeconds());
            if (withPgcopydb) {
                record("pgcopydb clone (total)", seconds, pgcopydb());
            }
            System.out.printf(Locale.ROOT, "run %d: %s%n", r, seconds);
        }
        System.out.printf(Locale.ROOT, "%n%-48s %9s %12s%n", "variant (tasks=" + tasks + ")", "median s", "rows/s");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (var e : seconds.entrySet()) {
            double m = median(e.getValue());
            medians.put(e.getKey(), m);
            System.out.printf(Locale.ROOT, "%-48s %9.2f %,12.0f%n", e.getKey(), m, rows / m);
        }
        double bestPipe = Math.min(medians.get("pipe key ranges (copy)"), medians.get("pipe ctid ranges (copy)"));
        System.out.printf(Locale.ROOT, "engine copy vs best pipe: %.2fx (target >= 0.95)%n",
                bestPipe / medians.get("engine copy phase"));
        if (medians.containsKey("pgcopydb clone (total)")) {
            System.out.printf(Locale.ROOT, "engine total vs pgcopydb clone: %.2fx (target >= 1.3)%n",
                    medians.get("pgcopydb clone (total)") / medians.get("engine total (schema+copy+keys+count verify)"));
        }
    }

    private static void record(String variant, Map<String, List<Double>> seconds, double value) {
        seconds.computeIfAbsent(variant, k -> new ArrayList<>()).add(value);
    }

    private MigrationResult engine() throws SQLException {
        String target = freshTarget();
        MigrationResult r = Migrator.migrate(MigrationOptions.builder().source(spec(source)).target(spec(target))
                .tasks(tasks).verify(VerifyMode.COUNT).mode(TargetMode.CREATE).build());
        if (!r.succeeded()) {
            throw new IllegalStateException("engine run failed: " + r.errorMessage());
        }
        return r;
    }

    /** Creates the tables without keys (as the engine does), then times the parallel pipes only. */
    private double pipes(SplitStrategy split) throws Exception {
        String target = freshTarget();
        MigrationOptions options = MigrationOptions.builder().source(spec(source)).target(spec(target)).tasks(tasks)
                .split(split).partitionThresholdRows(0).build();
        MigrationPlan plan;
        try (Connection src = ConnectionPools.open(spec(source)); Connection tgt = ConnectionPools.open(spec(target))) {
            SourceSchema schema = new PgSchemaReader(src).read(List.of("public"), new TableFilter(List.of(), List.of()));
            new TargetSchemaWriter(TargetMode.CREATE, false).prepare(tgt, schema);
            plan = new PartitionPlanner(options, new PgSplitSampler(src)).plan(schema.tables());
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (Partition p : plan.partitionsBiggestFirst()) {
                TablePlan t = plan.tables().stream().filter(x -> x.table().name().equals(p.table())).findFirst().orElseThrow();
                String columns = String.join(", ", t.table().quotedCopiedColumns());
                String out = "COPY (SELECT " + columns + " FROM " + t.table().name().quoted()
                        + RangeSql.whereClause(t.table(), p) + ") TO STDOUT (FORMAT binary)";
                String in = "COPY " + t.table().name().quoted() + " (" + columns + ") FROM STDIN (FORMAT binary)";
                jobs.add(pool.submit(() -> shell(psql(source, out) + " | " + psql(target, in))));
            }
            for (Future<Integer> j : jobs) {
                if (j.get() != 0) {
                    throw new IllegalStateException("a psql pipe failed");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private double pgcopydb() throws Exception {
        String target = freshTarget();
        long started = System.nanoTime();
        int code = shell("pgcopydb clone --skip-extensions --table-jobs " + tasks + " --index-jobs " + tasks
                + " --source " + quote(libpqUri(source)) + " --target " + quote(libpqUri(target))
                + " --dir " + quote(System.getProperty("java.io.tmpdir") + "/migbench-pgcopydb") + " --restart");
        if (code != 0) {
            throw new IllegalStateException("pgcopydb failed with exit code " + code);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private String freshTarget() throws SQLException {
        try (Connection c = ConnectionPools.open(spec(targetServer)); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS migbench_bench WITH (FORCE)");
            st.execute("CREATE DATABASE migbench_bench");
        }
        Properties p = Driver.parseURL(targetServer, null);
        return "jdbc:postgresql://" + p.getProperty("PGHOST") + ":" + p.getProperty("PGPORT") + "/migbench_bench";
    }

    private ConnectionSpec spec(String url) {
        return new ConnectionSpec(url, user, password);
    }

    private String psql(String jdbcUrl, String sql) {
        return "psql -X -q -v ON_ERROR_STOP=1 " + quote(libpqUri(jdbcUrl)) + " -c " + quote(sql);
    }

    private String libpqUri(String jdbcUrl) {
        Properties p = Driver.parseURL(jdbcUrl, null);
        return "postgresql://" + user + "@" + p.getProperty("PGHOST") + ":" + p.getProperty("PGPORT") + "/"
                + p.getProperty("PGDBNAME");
    }

    private int shell(String command) throws Exception {
        // own session and process group: pgcopydb kills its whole process group when it fails
        ProcessBuilder pb = new ProcessBuilder("setsid", "--wait", "bash", "-o", "pipefail", "-c", command).inheritIO();
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        return pb.start().waitFor();
    }

    private static boolean onPath(String tool) throws Exception {
        return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
