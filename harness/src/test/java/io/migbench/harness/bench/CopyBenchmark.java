package io.migbench.harness.bench;

import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.Migrator;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TimelineEvent;
import io.migbench.engine.VerifyMode;
import io.migbench.harness.dataset.LoadReport;
import io.migbench.harness.dataset.StackOverflowDataset;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.Directories;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.model.ResourceLimits;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole migration beside the physical limit and beside pgcopydb, in one run: two durable embedded PostgreSQL
 * servers ({@code fsync=on}, {@code synchronous_commit=on}; source and target, plus a {@code wal_level=minimal}
 * target with {@code -Dbench.extras=wal-minimal}), the StackOverflow-shaped dataset loaded into the source, then
 * rounds of every variant one after the other (A B C A B C ...) so machine noise hits all alike; medians, intervals,
 * the machine's load per round, and the two ratios the engine is held to, as ratios of medians and as the range of
 * the per-round (side by side) ratios. The engine runs inside this JVM, so the heap limit of the command
 * ({@code -Xmx256m} in the {@code bench} profile) is the engine's. Documented command:
 * <pre>
 * mvn -B -pl harness -am -Pbench -DskipTests verify -Dpostgres.binaries.version=15.19.0 \
 *     [-Dbench.scale=1] [-Dbench.runs=5] [-Dbench.tasks=4] [-Dbench.pgcopydbJobs=2] [-Dbench.extras=acknowledged,...]
 * </pre>
 */
public final class CopyBenchmark {
    static final String SOURCE_DATABASE = "stackoverflow";
    private static final long SEED = 42;
    private static final String PIPE_SLICES = "pipe slices ";
    private static final String ENGINE_WHOLE = "engine whole";
    /**
     * zonky starts PostgreSQL with {@code -F} (fsync off); these come later on its command line and so win: the
     * servers are durable, as a real migration's are.
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "full_page_writes", "on");

    private final BenchSettings settings;
    private final PrintStream out;
    private final Samples samples = new Samples();
    private final List<String> notes = new ArrayList<>();

    CopyBenchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new CopyBenchmark(BenchSettings.fromSystemProperties(), System.out).run();
    }

    void run() throws Exception {
        Path runDir = Files.createTempDirectory("migbench-bench-");
        EmbeddedPostgresBackend backend = new EmbeddedPostgresBackend();
        List<DatabaseInstance> started = new ArrayList<>();
        try {
            BenchServer source = new BenchServer("source", start(backend, started, "source", Map.of(), runDir));
            BenchServer target = new BenchServer("target", start(backend, started, "target", Map.of(), runDir));
            out.printf(Locale.ROOT, "servers: %s%n", durability(target));
            BenchServer minimal = settings.extras().contains("wal-minimal")
                    ? new BenchServer("target wal_level=minimal", start(backend, started, "target-minimal",
                            Map.of("wal_level", "minimal", "max_wal_senders", "0"), runDir))
                    : null;
            long rows = load(source);
            boolean pipes = Shell.onPath("psql");
            if (!pipes) {
                notes.add("psql is not on the PATH: the pipe lines (physical limit) are skipped");
            }
            boolean pgcopydb = settings.pgcopydb() && pgcopydbUsable(source);
            for (int round = 1; round <= settings.runs(); round++) {
                String loadBefore = loadAverage();
                round(source, target, minimal, pipes, pgcopydb, rows, runDir);
                // other work on the machine shows here: the figures of a round are only comparable with each other
                out.printf(Locale.ROOT, "round %d of %d done; load average before %s, after %s%n", round,
                        settings.runs(), loadBefore, loadAverage());
            }
            report(rows);
        } finally {
            for (DatabaseInstance i : started) {
                i.close();
            }
            Directories.deleteRecursively(runDir);
        }
    }

    private DatabaseInstance start(EmbeddedPostgresBackend backend, List<DatabaseInstance> started, String name,
                                   Map<String, String> serverSettings, Path runDir) {
        Map<String, String> settings = new java.util.HashMap<>(DURABLE);
        settings.putAll(serverSettings);
        DatabaseInstance i = backend.start(new InstanceSpec(name, DatabaseEngine.POSTGRESQL, ResourceLimits.NONE,
                settings, runDir));
        started.add(i);
        return i;
    }

    /** The target's durability settings as the server reports them (the bench checks, it does not assume). */
    private static String durability(BenchServer server) throws Exception {
        try (Connection c = server.instance().connect(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT string_agg(name || '=' || setting, ' ' ORDER BY name)"
                     + " FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level')")) {
            rs.next();
            String settings = rs.getString(1);
            if (!settings.contains("fsync=on")) {
                throw new IllegalStateException("the bench needs durable servers, got " + settings);
            }
            return settings;
        }
    }

    private long load(BenchServer source) throws Exception {
        try (Connection c = source.instance().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + SOURCE_DATABASE);
        }
        LoadReport report = new StackOverflowDataset().load(() -> source.instance().connect(SOURCE_DATABASE),
                settings.scale(), SEED);
        out.printf(Locale.ROOT, "PostgreSQL %s (source and target, embedded), dataset %s%n",
                source.instance().version(), report.summary());
        out.printf(Locale.ROOT, "JVM max heap %d MB, %d logical cores; settings %s%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), settings);
        return report.rows();
    }

    private void round(BenchServer source, BenchServer target, BenchServer minimal, boolean pipes, boolean pgcopydb,
                       long rows, Path runDir) throws Exception {
        PsqlPipes psql = new PsqlPipes(source, SOURCE_DATABASE, runDir);
        int first = settings.tasks().get(0);
        for (int tasks : settings.tasks()) {
            if (pipes) {
                record(PIPE_SLICES + "ctid, tasks=" + tasks, psql.run(target, SplitStrategy.CTID, tasks));
            }
            engine(source, target, tasks, "", b -> { }, rows);
            if (settings.extras().contains("acknowledged") && tasks == first) {
                engine(source, target, tasks, " verify=acknowledged", b -> b.verify(VerifyMode.ACKNOWLEDGED), rows);
            }
            if (pipes && settings.extras().contains("pipe-key")) {
                record(PIPE_SLICES + "key, tasks=" + tasks, psql.run(target, SplitStrategy.KEY, tasks));
            }
        }
        if (pipes && settings.extras().contains("pipe-whole")) {
            record("pipe whole tables FREEZE, tasks=" + first, psql.run(target, SplitStrategy.WHOLE_TABLE, first));
        }
        if (settings.extras().contains("ctid")) {
            engine(source, target, first, " split=ctid", b -> b.split(SplitStrategy.CTID), rows);
        }
        if (settings.extras().contains("whole")) {
            engine(source, target, first, " split=whole-table", b -> b.split(SplitStrategy.WHOLE_TABLE), rows);
        }
        if (settings.extras().contains("unlogged")) {
            engine(source, target, first, " unlogged+SET LOGGED", b -> b.unloggedLoad(true), rows);
        }
        if (minimal != null) {
            for (int tasks : settings.tasks()) {
                engine(source, minimal, tasks, " wal_level=minimal", b -> { }, rows);
            }
        }
        if (pgcopydb) {
            record("pgcopydb clone whole, jobs=" + settings.pgcopydbJobs(),
                    new PgcopydbClone(source, SOURCE_DATABASE).run(target, settings.pgcopydbJobs()));
        }
    }

    private void engine(BenchServer source, BenchServer target, int tasks, String label,
                        java.util.function.Consumer<MigrationOptions.Builder> variant, long rows) throws Exception {
        MigrationOptions.Builder b = MigrationOptions.builder().source(source.spec(SOURCE_DATABASE))
                .target(target.freshDatabase()).tasks(tasks).verify(VerifyMode.COUNT);
        variant.accept(b);
        long cpuBefore = processCpuNanos();
        MigrationResult r = Migrator.migrate(b.build());
        double engineCpu = (processCpuNanos() - cpuBefore) / 1e9;
        if (!r.succeeded() || r.totalRows() != rows) {
            throw new IllegalStateException("engine run (tasks " + tasks + label + ") did not succeed: " + r.status()
                    + ", " + r.totalRows() + " of " + rows + " rows, " + r.errorMessage(), r.failure());
        }
        record(ENGINE_WHOLE + ", tasks=" + tasks + label, r.timings().totalSeconds());
        // where the whole migration's time goes: the copy, then the tail (finalization left after the last COPY)
        record("  engine copy phase, tasks=" + tasks + label, r.timings().copySeconds());
        record("  engine tail, tasks=" + tasks + label, r.timings().tailSeconds());
        // CPU the engine's JVM took from the servers (on a small machine every core is shared)
        record("  engine JVM CPU, tasks=" + tasks + label, engineCpu);
        out.printf(Locale.ROOT, "    tail steps: %s%n", tailSteps(r));
        out.printf(Locale.ROOT, "    per table (copy start-end, then finalization end): %s%n", tableSpans(r));
    }

    /** A table's first COPY start, last COPY end and the end of its last own step. */
    private record TableSpan(double copyStart, double copyEnd, double finalized) {
        static final TableSpan NONE = new TableSpan(Double.MAX_VALUE, 0, 0);

        TableSpan with(TimelineEvent e) {
            boolean copy = e.step().equals("copy");
            return new TableSpan(copy ? Math.min(copyStart, e.startSeconds()) : copyStart,
                    copy ? Math.max(copyEnd, e.endSeconds()) : copyEnd, Math.max(finalized, e.endSeconds()));
        }
    }

    /**
     * Per table, in the order their copies ended: first COPY start - last COPY end / end of its last step. Foreign
     * keys are left out: they are added to every table at once when all are finalized, so they end with the run.
     */
    private static String tableSpans(MigrationResult r) {
        Map<String, TableSpan> spans = new LinkedHashMap<>();
        r.timeline().stream().filter(e -> !e.step().equals("foreign-keys"))
                .forEach(e -> spans.compute(e.table(), (t, span) -> (span == null ? TableSpan.NONE : span).with(e)));
        return spans.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, TableSpan> e) -> e.getValue().copyEnd()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f-%.2f/%.2f", e.getKey(), e.getValue().copyStart(),
                        e.getValue().copyEnd(), e.getValue().finalized()))
                .toList().toString();
    }

    /** The steps that ran after the last COPY ended, by their time within the tail, longest first. */
    private static String tailSteps(MigrationResult r) {
        double lastCopy = r.timings().totalSeconds() - r.timings().tailSeconds();
        return r.timeline().stream().filter(e -> e.endSeconds() > lastCopy)
                .sorted(Comparator.comparingDouble(
                        (TimelineEvent e) -> e.endSeconds() - Math.max(e.startSeconds(), lastCopy))
                        .reversed())
                .limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %s%s %.2f-%.2f", e.table(), e.step(),
                        e.detail().isEmpty() ? "" : " " + e.detail(), e.startSeconds(), e.endSeconds()))
                .toList().toString();
    }

    private void record(String variant, double seconds) {
        samples.add(variant, seconds);
        out.printf(Locale.ROOT, "  %-52s %8.2f s%n", variant, seconds);
    }

    /** The 1-minute load average, or "?" where the OS has none. */
    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** pgcopydb runs the pg_dump on the PATH, which refuses servers of a newer major version. */
    private boolean pgcopydbUsable(BenchServer source) throws Exception {
        if (!Shell.onPath("pgcopydb")) {
            notes.add("pgcopydb is not on the PATH: its line is skipped");
            return false;
        }
        Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        int dumpMajor = Integer.parseInt(version.replaceAll(".*?(\\d+)\\..*", "$1").trim());
        int serverMajor = Integer.parseInt(source.instance().version().replaceAll("^(\\d+).*", "$1"));
        if (dumpMajor < serverMajor) {
            notes.add("pgcopydb skipped: its " + version + " refuses PostgreSQL " + serverMajor
                    + " (run with -Dpostgres.binaries.version=" + dumpMajor + ".x.y)");
            return false;
        }
        return true;
    }

    private void report(long rows) {
        out.printf(Locale.ROOT, "%n");
        samples.print(out, rows);
        out.printf(Locale.ROOT, "engine heap limit: %d MB (the engine ran inside this JVM)%n",
                Runtime.getRuntime().maxMemory() >> 20);
        var engineWhole = samples.fastest(ENGINE_WHOLE + ", tasks=\\d+").orElseThrow();
        var acknowledged = samples.fastest(ENGINE_WHOLE + ", tasks=\\d+ verify=acknowledged");
        samples.fastest(PIPE_SLICES + ".*").ifPresent(pipe -> {
            ratio("whole migration vs data-only sliced pipe (target >= 1.0)", pipe, engineWhole);
            ratio("engine copy phase vs data-only sliced pipe", pipe, "  engine copy phase" + engineWhole.substring(
                    ENGINE_WHOLE.length()));
            acknowledged.ifPresent(a -> ratio("whole migration, acknowledged verification, vs the pipe", pipe, a));
        });
        samples.fastest("pgcopydb.*").ifPresent(p -> {
            ratio("whole migration vs pgcopydb clone (target >= 1.6)", p, engineWhole);
            acknowledged.ifPresent(a -> ratio("whole migration, acknowledged verification, vs pgcopydb", p, a));
        });
        notes.forEach(n -> out.println("note: " + n));
    }

    /**
     * Throughput of {@code variant} relative to {@code reference}: reference median seconds / variant median seconds,
     * and the range of the same ratio taken round by round (the two ran side by side in each round).
     */
    private void ratio(String what, String reference, String variant) {
        double r = samples.median(reference).orElseThrow() / samples.median(variant).orElseThrow();
        List<Double> perRound = samples.roundRatios(reference, variant);
        out.printf(Locale.ROOT, "%-58s %.2fx  per round %.2f-%.2f  (%s / %s)%n", what, r,
                perRound.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                perRound.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), variant.strip(), reference);
    }
}
