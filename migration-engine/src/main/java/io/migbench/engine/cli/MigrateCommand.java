package io.migbench.engine.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.Migrator;
import io.migbench.engine.ProgressListener;
import io.migbench.engine.RunPhase;
import io.migbench.engine.RunStatus;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TargetMode;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.sqlserver.IdentifierCase;
import io.migbench.engine.sqlserver.SourceIsolation;
import io.migbench.engine.progress.ProgressBarDisplay;
import io.migbench.engine.progress.ProgressLogLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code migrate}: copies PostgreSQL or SQL Server schemas into PostgreSQL. Exit 0 on success, 1 when the migration or its
 * verification failed, 2 on bad usage or configuration. Passwords come from environment variables or the URL
 * and are never printed.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Migrate PostgreSQL or SQL Server tables into PostgreSQL: schema, parallel binary COPY, keys and indexes, verification.",
        footer = {"", MigrateCommand.PHASES})
public class MigrateCommand implements Callable<Integer> {
    /** How the phases fit together, for the help of this command and of commands built on it. */
    public static final String PHASES = "Phases: without --phase one process plans, copies and finalizes. On several"
            + " processes or hosts run --phase plan once, then any number of --phase copy workers (each with its own"
            + " --worker-id and --tasks), then --phase finalize; --phase status shows where the run stands. Give every"
            + " phase the same source, filters and settings: a phase invoked otherwise refuses. Workers read one"
            + " consistent source when the plan holds its snapshot (--hold-snapshot, PostgreSQL) or the source does not"
            + " change (--source-quiesced).";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "<jdbc-url>", description = "Source JDBC URL (required except for --phase status).")
    String source;
    @Option(names = "--target", required = true, paramLabel = "<jdbc-url>", description = "Target JDBC URL.")
    String target;
    @Option(names = "--source-user", description = "Source user (else from the URL).")
    String sourceUser;
    @Option(names = "--target-user", description = "Target user (else from the URL).")
    String targetUser;
    @Option(names = "--source-password-env", paramLabel = "VAR", description = "Environment variable holding the source password.")
    String sourcePasswordEnv;
    @Option(names = "--target-password-env", paramLabel = "VAR", description = "Environment variable holding the target password.")
    String targetPasswordEnv;
    @Option(names = "--schema", split = ",", description = "Schemas to migrate (default: public; dbo for SQL Server).")
    List<String> schemas;
    @Option(names = "--tables", split = ",", paramLabel = "GLOB", description = "Only these tables (globs on table or schema.table).")
    List<String> tables = List.of();
    @Option(names = "--exclude", split = ",", paramLabel = "GLOB", description = "Skip these tables (globs).")
    List<String> exclude = List.of();
    @Option(names = "--tasks", defaultValue = "4", description = "Concurrent copy tasks (default: ${DEFAULT-VALUE}).")
    int tasks;
    @Option(names = "--partitions", description = "Ranges per big table (default: tasks).")
    Integer partitions;
    @Option(names = "--partition-threshold-rows", defaultValue = "" + MigrationOptions.DEFAULT_PARTITION_THRESHOLD_ROWS,
            description = "Tables with fewer rows are copied whole (default: ${DEFAULT-VALUE}).")
    long partitionThresholdRows;
    @Option(names = "--split", defaultValue = "auto", converter = EnumConverter.Split.class,
            description = "auto | key | ctid | whole-table (default: ${DEFAULT-VALUE}).")
    SplitStrategy split;
    @Option(names = "--copy-format", defaultValue = "binary", converter = EnumConverter.Format.class,
            description = "binary | text (default: ${DEFAULT-VALUE}).")
    CopyFormat copyFormat;
    @Option(names = "--verify", defaultValue = "count", converter = EnumConverter.Verify.class,
            description = "none | count | checksum (default: ${DEFAULT-VALUE}).")
    VerifyMode verify;
    @Option(names = "--mode", defaultValue = "create", converter = EnumConverter.Mode.class,
            description = "create | truncate | drop-recreate: what to do with existing target tables (default: ${DEFAULT-VALUE}).")
    TargetMode mode;
    @Option(names = "--resume", description = "Continue an interrupted migration: skip finished partitions.")
    boolean resume;
    @Option(names = "--index-tasks", description = "Index and key builds at once (default: min(tasks, 4)).")
    Integer indexTasks;
    @Option(names = "--index-memory", paramLabel = "SIZE",
            description = "maintenance_work_mem of each index build, e.g. 64MB (default: 256MB, or the target's own value when larger).")
    String indexMemory;
    @Option(names = "--unlogged", description = "Load into UNLOGGED tables, SET LOGGED afterwards (rewrites the table).")
    boolean unlogged;
    @Option(names = "--type-override", paramLabel = "FROM=TO",
            description = "SQL Server: map a type (geography=text) or one column (dbo.Places.Shape=bytea); repeatable.")
    List<String> typeOverrides = List.of();
    @Option(names = "--source-isolation", converter = EnumConverter.Isolation.class,
            description = "SQL Server: auto | snapshot | read-committed | read-uncommitted (default: auto = snapshot where allowed).")
    SourceIsolation sourceIsolation;
    @Option(names = "--identifier-case", converter = EnumConverter.Naming.class,
            description = "SQL Server: lower | preserve target names (default: lower).")
    IdentifierCase identifierCase;
    @Option(names = "--nul-replacement", paramLabel = "STR",
            description = "SQL Server: replace U+0000 in strings with STR (default: such a row is an error).")
    String nulReplacement;
    @Option(names = "--socket-timeout", paramLabel = "SECONDS",
            defaultValue = "600", description = "A copy fails when a server sends nothing for this long; 0 = wait forever (default: ${DEFAULT-VALUE}).")
    long socketTimeoutSeconds;
    @Option(names = "--copy-attempts", defaultValue = "" + MigrationOptions.DEFAULT_COPY_ATTEMPTS,
            description = "Copies of a partition at most when its connection is lost, with exponential backoff (default: ${DEFAULT-VALUE}).")
    int copyAttempts;
    @Option(names = "--sample-fraction", defaultValue = "1", paramLabel = "F",
            description = "Copy an evenly spread share F (0 < F <= 1) of each big table's ranges: a fast, real-shaped sample (default: all).")
    double sampleFraction;
    @Option(names = "--phase", defaultValue = "all", paramLabel = "PHASE", converter = EnumConverter.RunPhaseName.class,
            description = "all | plan | copy | finalize | status: the part of the migration this process runs (default: ${DEFAULT-VALUE}, in this process).")
    RunPhase phase;
    @Option(names = "--worker-id", paramLabel = "ID",
            description = "--phase copy: this worker's name in the state table (default: host name and process id).")
    String workerId;
    @Option(names = "--lease", paramLabel = "SECONDS",
            description = "--phase copy: a claim without heartbeat lasts this long, then another worker takes the partition over (default: "
                    + MigrationOptions.DEFAULT_LEASE_SECONDS + ").")
    Long leaseSeconds;
    @Option(names = "--hold-snapshot",
            description = "--phase plan, PostgreSQL source: keep the source snapshot open for the workers; the process runs until finalize starts (Ctrl-C ends it).")
    boolean holdSnapshot;
    @Option(names = "--source-quiesced",
            description = "--phase plan/copy/finalize: the source does not change (a replica, a restored copy, a stopped application), so workers need no shared snapshot.")
    boolean sourceQuiesced;
    @Option(names = "--json", description = "--phase status: print JSON.")
    boolean json;
    @Option(names = "--progress", defaultValue = "auto",
            description = "auto | bar | log | none (default: ${DEFAULT-VALUE}: a bar on a terminal for the one-process run, else log lines).")
    String progress;
    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    /**
     * The parsed command line as engine options, checked (passwords read from their variables); a command built
     * on this one checks its own options here too.
     */
    protected MigrationOptions options() {
        MigrationOptions.Builder builder = MigrationOptions.builder()
                .source(source == null ? null
                        : new ConnectionSpec(source, sourceUser, password("--source-password-env", sourcePasswordEnv)))
                .target(new ConnectionSpec(target, targetUser, password("--target-password-env", targetPasswordEnv)))
                .schemas(schemas).includeTables(tables).excludeTables(exclude).tasks(tasks)
                .partitionThresholdRows(partitionThresholdRows).split(split).copyFormat(copyFormat).verify(verify)
                .mode(mode).resume(resume).unloggedLoad(unlogged).indexMemory(indexMemory).typeOverrides(typeOverrides)
                .sourceIsolation(sourceIsolation).identifierCase(identifierCase).nulReplacement(nulReplacement)
                .socketTimeout(java.time.Duration.ofSeconds(socketTimeoutSeconds)).copyAttempts(copyAttempts)
                .sampleFraction(sampleFraction).phase(phase).workerId(workerId).holdSnapshot(holdSnapshot)
                .sourceQuiesced(sourceQuiesced);
        if (partitions != null) {
            builder.partitions(partitions);
        }
        if (indexTasks != null) {
            builder.indexTasks(indexTasks);
        }
        if (leaseSeconds != null) {
            builder.lease(java.time.Duration.ofSeconds(leaseSeconds));
        }
        return builder.build();
    }

    @Override
    public Integer call() {
        MigrationOptions options = options();
        if (json && phase != RunPhase.STATUS) {
            throw new ConfigurationException("--json", "--json applies to --phase status only");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (phase == RunPhase.STATUS) {
            RunStatus status = Migrator.status(options);
            if (json) {
                StatusPrinter.printJson(status, out);
            } else {
                StatusPrinter.print(status, out);
            }
            return 0;
        }
        MigrationResult result;
        try (ProgressBarDisplay bar = new ProgressBarDisplay()) {
            result = Migrator.migrate(options, listener(bar, err));
        }
        migrated(options, result);
        // a failed run has no figures worth a table: its error is the one line that matters
        if (result.status() != io.migbench.engine.MigrationStatus.FAILED) {
            if (phase == RunPhase.PLAN) {
                SummaryPrinter.printPlan(result, out);
            } else {
                SummaryPrinter.print(result, out);
            }
        }
        if (!result.succeeded()) {
            err.println("migrate: " + result.errorMessage());
            if (debug && result.failure() != null) {
                result.failure().printStackTrace(err);
            }
            err.flush();
            return 1;
        }
        return 0;
    }

    /**
     * Called once the migration ended, failed or not, before its summary is printed: a command built on this one
     * (the harness records it as a trial) hooks in here. Does nothing by default.
     */
    protected void migrated(MigrationOptions options, MigrationResult result) {
    }

    private ProgressListener listener(ProgressBarDisplay bar, PrintWriter err) {
        String choice = progress.toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "none" -> ProgressListener.NONE;
            case "bar" -> bar;
            case "log" -> new ProgressLogLines(err, 5);
            // a phase runs in a job's log more than on a terminal, and the bar would hide its messages
            case "auto" -> System.console() != null && phase == RunPhase.ALL ? bar : new ProgressLogLines(err, 5);
            default -> throw new ConfigurationException("--progress", "--progress must be auto, bar, log or none, got " + progress);
        };
    }

    private static String password(String option, String variable) {
        if (variable == null) {
            return null;
        }
        String value = System.getenv(variable);
        if (value == null) {
            throw new ConfigurationException(option, option + ": environment variable " + variable + " is not set");
        }
        return value;
    }
}
