package io.migbench.harness.sweep.baseline;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.MigrationException;
import io.migbench.engine.TargetMode;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.schema.FinalizeScheduler;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.schema.TargetSchemaWriter;
import io.migbench.harness.scenario.CopyFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The physical-limit line of issue 3: target tables created by migbench's own schema code (so the DDL is the same),
 * then up to {@code tasks} concurrent {@code psql COPY (SELECT … WHERE ctid range) TO STDOUT | psql COPY … FROM
 * STDIN} pipes ({@link PsqlPipeRunner}) over ctid block-range slices, biggest first, then keys and indexes by
 * migbench's finalizer (timed as the index phase), then a {@code count(*)} of every table. It copies exactly the
 * context's tables.
 */
public final class PsqlPipe implements BaselineEngine {
    public static final String NAME = "psql-pipe";
    private static final Logger LOG = LoggerFactory.getLogger(PsqlPipe.class);
    private static final int TID_RANGE_SCAN_MAJOR = 14;

    private final CtidSlicer slicer;

    public PsqlPipe() {
        this(new CtidSlicer(CtidSlicer.DEFAULT_MIN_SLICE_BLOCKS));
    }

    PsqlPipe(CtidSlicer slicer) {
        this.slicer = slicer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> missingTool() {
        return ToolProbe.missing("bash", "psql-pipe runs each pipe through bash (for set -o pipefail)")
                .or(() -> ToolProbe.missing("psql", "install the PostgreSQL client (e.g. apt-get install postgresql-client)"));
    }

    @Override
    public BaselineRun run(BaselineContext ctx) throws BaselineException {
        long started = System.nanoTime();
        try (RunDirectory dir = RunDirectory.create(NAME, ctx.workDir())) {
            CommandRunner runner = new CommandRunner(NAME, dir.path(), ctx.secrets(), ctx.timeout());
            SourceLayout layout = createTargetTables(ctx, runner);
            double schemaSeconds = seconds(started);

            long copyStarted = System.nanoTime();
            List<Slice> slices = slicer.slices(layout.tables(), ctx.tasks(), layout.blockSize(),
                    layout.majorVersion() >= TID_RANGE_SCAN_MAJOR);
            Map<TableName, TableCommands.Timing> times = copy(ctx, runner, slices);
            double copySeconds = seconds(copyStarted);

            long indexStarted = System.nanoTime();
            finalizeTables(ctx, runner, layout.tables());
            double indexSeconds = seconds(indexStarted);

            long verifyStarted = System.nanoTime();
            Map<TableName, Long> counts = TargetCounts.count(NAME, ctx);
            double verifySeconds = seconds(verifyStarted);

            List<BaselineTableRun> tables = new ArrayList<>();
            for (BaselineTable t : ctx.tables()) {
                TableCommands.Timing tt = times.get(t.name());
                tables.add(new BaselineTableRun(t.name(), t.sourceRows(), counts.get(t.name()),
                        tt.seconds(), tt.commands()));
            }
            return new BaselineRun(NAME, schemaSeconds, copySeconds, indexSeconds, verifySeconds, seconds(started),
                    tables, null, runner.commandLines(), runner.stderrTail());
        }
    }

    /** The source's definitions of the context's tables, and the source facts slicing needs. */
    private record SourceLayout(List<TableDef> tables, long blockSize, int majorVersion) {
    }

    private SourceLayout createTargetTables(BaselineContext ctx, CommandRunner runner) throws BaselineException {
        long started = System.nanoTime();
        SourceSchema schema;
        long blockSize;
        int major;
        try (Connection source = ConnectionPools.open(ctx.source())) {
            schema = readSchema(source, ctx.tableNames());
            try (Statement st = source.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('block_size')::bigint,"
                         + " current_setting('server_version_num')::int / 10000")) {
                rs.next();
                blockSize = rs.getLong(1);
                major = rs.getInt(2);
            }
        } catch (SQLException e) {
            throw queryFailure("reading the source schema failed", runner, started, e);
        }
        try (Connection target = ConnectionPools.open(ctx.target())) {
            target.setAutoCommit(false);
            try {
                new TargetSchemaWriter(TargetMode.CREATE, false).prepare(target, schema);
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw queryFailure("creating the target tables failed", runner, started, e);
        }
        return new SourceLayout(schema.tables(), blockSize, major);
    }

    /** Reads exactly the wanted tables: the engine's globs select them, an exact match drops what a glob character added. */
    private static SourceSchema readSchema(Connection source, List<TableName> wanted) throws SQLException {
        List<String> schemas = wanted.stream().map(TableName::schema).distinct().toList();
        List<String> globs = wanted.stream().map(t -> t.schema() + "." + t.name()).toList();
        SourceSchema read = new PgSchemaReader(source).read(schemas, new TableFilter(globs, List.of()));
        Set<TableName> want = new HashSet<>(wanted);
        List<TableDef> tables = read.tables().stream().filter(t -> want.contains(t.name())).toList();
        Set<TableName> found = new HashSet<>();
        tables.forEach(t -> found.add(t.name()));
        List<TableName> missing = wanted.stream().filter(t -> !found.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new SQLException("the source has no table " + missing, "42P01");
        }
        return new SourceSchema(read.schemas(), read.types(), read.sequences(), tables, read.serverVersion());
    }

    /** Every table of the context gets its times, also one that no slice covers (it then has none). */
    private static Map<TableName, TableCommands.Timing> copy(BaselineContext ctx, CommandRunner runner, List<Slice> slices)
            throws BaselineException {
        return new PsqlPipeRunner(runner, ctx.source(), ctx.target())
                .copy(ctx.tableNames(), slices, ctx.tasks(), t -> formatFor(t, ctx.format()), false);
    }

    /** Binary unless a column's binary form embeds a database-specific type OID (the engine decides the same way). */
    private static CopyFormat formatFor(TableDef table, CopyFormat requested) {
        if (requested == CopyFormat.BINARY && !table.binaryPortable()) {
            LOG.info("{}: piped in text format (a column's binary form carries a type OID that differs between databases)",
                    table.name());
            return CopyFormat.TEXT;
        }
        return requested;
    }

    private static void finalizeTables(BaselineContext ctx, CommandRunner runner, List<TableDef> tables)
            throws BaselineException {
        long started = System.nanoTime();
        try (HikariDataSource pool = ConnectionPools.pool(ctx.target(), "psql-pipe-finalize", ctx.tasks(),
                "SET synchronous_commit = off");
             FinalizeScheduler finalizer = new FinalizeScheduler(pool, ctx.tasks(), false, null)) {
            tables.forEach(finalizer::tableCopied);
            finalizer.finish(tables);
        } catch (MigrationException e) {
            throw new BaselineException(NAME, "keys and indexes failed: " + runner.redact(e.getMessage()), e.table(),
                    null, null, Duration.ofNanos(System.nanoTime() - started), null, e);
        }
    }

    private static BaselineException queryFailure(String what, CommandRunner runner, long started, Exception e) {
        return new BaselineException(NAME, what + ": " + runner.redact(e.getMessage()), null, null, null,
                Duration.ofNanos(System.nanoTime() - started), null, e);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
