package io.migbench.engine.copy.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.copy.PgPartitionSource;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableFilter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The PG to PG passthrough loop, the engine's own code ({@link PgPartitionSource#copy} into a
 * {@link PGCopyOutputStream} over {@code COPY ... FROM STDIN}), between two databases of one embedded PostgreSQL.
 * One op copies a StackOverflow Posts-shaped table of {@value #ROWS} rows (about 110 MB of binary COPY). The JVM's
 * own cost is what this measures: the benchmark thread's CPU time per GB moved (printed at the end of each fork)
 * and, with {@code -prof gc}, {@code gc.alloc.rate.norm} bytes per op (divide by the printed bytes per op for
 * bytes allocated per byte moved). Wall time per op includes both servers' work and is not the figure of interest.
 * <pre>
 * mvn -B -pl migration-engine -am -Pjmh package -DskipTests
 * java -jar migration-engine/target/benchmarks.jar PassthroughBenchmark -prof gc
 * java -jar migration-engine/target/benchmarks.jar PassthroughBenchmark -prof gc -jvmArgsAppend -XX:+UseParallelGC
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class PassthroughBenchmark {
    static final int ROWS = 400_000;
    private static final int WRITE_BUFFER = 256 * 1024;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private EmbeddedPostgres server;
    private HikariDataSource sourcePool;
    private Connection target;
    private PgPartitionSource source;
    private TablePlan posts;
    private long cpuNanos;
    private long bytes;
    private long ops;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE src");
            st.execute("CREATE DATABASE tgt");
        }
        String sourceUrl = server.getJdbcUrl("postgres", "src");
        ConnectionSpec sourceSpec = new ConnectionSpec(sourceUrl, "postgres", "postgres");
        try (Connection c = ConnectionPools.open(sourceSpec); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE posts (id int PRIMARY KEY, post_type smallint, score int, view_count int,"
                    + " creation_date timestamp, title text, body text, tags text)");
            st.execute("INSERT INTO posts SELECT g, 1 + g % 2, g % 100, g % 5000, '2010-01-01'::timestamp + g * interval '1 min',"
                    + " 'title ' || md5(g::text), repeat(md5(g::text), 6), '<java><postgresql>' FROM generate_series(1, "
                    + ROWS + ") g");
            st.execute("ANALYZE posts");
        }
        try (Connection c = ConnectionPools.open(sourceSpec)) {
            TableDef table = new PgSchemaReader(c).read(List.of("public"), new TableFilter(List.of(), List.of()))
                    .tables().get(0);
            posts = new TablePlan(table, PartitionKind.WHOLE_TABLE, CopyFormat.BINARY,
                    List.of(new Partition(table.name(), 0, PartitionKind.WHOLE_TABLE, null, null, ROWS, table.bytes())));
        }
        sourcePool = ConnectionPools.pool(sourceSpec, "bench-source", 1, "SELECT 1");
        source = new PgPartitionSource(sourcePool, null, java.time.Duration.ZERO);
        target = ConnectionPools.open(new ConnectionSpec(server.getJdbcUrl("postgres", "tgt"), "postgres", "postgres"));
        try (Statement st = target.createStatement()) {
            st.execute("CREATE UNLOGGED TABLE posts (id int, post_type smallint, score int, view_count int,"
                    + " creation_date timestamp, title text, body text, tags text)");
        }
    }

    @Setup(Level.Invocation)
    public void emptyTarget() throws Exception {
        try (Statement st = target.createStatement()) {
            st.execute("TRUNCATE posts");
        }
    }

    @Benchmark
    public long passthrough() throws Exception {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        CopyIn in = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY posts (id, post_type, score, view_count, creation_date, title, body, tags)"
                        + " FROM STDIN (FORMAT binary)");
        PGCopyOutputStream sink = new PGCopyOutputStream(in, WRITE_BUFFER);
        long[] moved = new long[1];
        long rows;
        try {
            source.copy(posts, posts.partitions().get(0), sink, (r, b) -> moved[0] += b);
            rows = sink.endCopy();
        } finally {
            if (sink.isActive()) {
                sink.cancelCopy();
            }
        }
        cpuNanos += threads.getCurrentThreadCpuTime() - cpuBefore;
        bytes += moved[0];
        ops++;
        return rows;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.printf(Locale.ROOT, "%n[passthrough] JVM CPU %.2f s per GB moved; %,d bytes of COPY data per op (%s)%n",
                cpuNanos / 1e9 / (bytes / 1e9), bytes / Math.max(1, ops), gc());
        target.close();
        sourcePool.close();
        server.close();
    }

    private static String gc() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList().toString();
    }
}
