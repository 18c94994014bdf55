package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.copy.binary.NulPolicy;
import io.migbench.engine.sqlserver.IdentifierCase;
import io.migbench.engine.sqlserver.SourceIsolation;
import io.migbench.engine.sqlserver.TypeOverrides;

import java.util.List;
import java.util.Objects;

/**
 * What to migrate and how. Built only through {@link Builder#build()}, which checks every option in one place
 * and rejects contradictions with an {@link OptionException} naming the option by its flag.
 */
public final class MigrationOptions {
    public static final int MAX_TASKS = 512;
    public static final long DEFAULT_PARTITION_THRESHOLD_ROWS = 200_000;
    /** Ten minutes without a byte from a server during a COPY: far beyond any healthy pause, short of a hang. */
    public static final java.time.Duration DEFAULT_SOCKET_TIMEOUT = java.time.Duration.ofMinutes(10);
    public static final int DEFAULT_COPY_ATTEMPTS = 3;
    /** How long a worker's claim on a partition lasts without a heartbeat (renewed every third of it). */
    public static final long DEFAULT_LEASE_SECONDS = 60;
    public static final java.time.Duration DEFAULT_LEASE = java.time.Duration.ofSeconds(DEFAULT_LEASE_SECONDS);
    private static final java.time.Duration MAX_LEASE = java.time.Duration.ofHours(24);

    private final ConnectionSpec source;
    private final ConnectionSpec target;
    private final List<String> schemas;
    private final List<String> includeTables;
    private final List<String> excludeTables;
    private final int tasks;
    private final int partitions;
    private final long partitionThresholdRows;
    private final CopyFormat copyFormat;
    private final VerifyMode verify;
    private final TargetMode mode;
    private final boolean resume;
    private final int indexTasks;
    private final boolean unloggedLoad;
    private final String indexMemory;
    private final SplitStrategy split;
    private final TypeOverrides typeOverrides;
    private final List<String> typeOverrideEntries;
    private final String nulReplacement;
    private final SourceIsolation sourceIsolation;
    private final IdentifierCase identifierCase;
    private final NulPolicy nulPolicy;
    private final java.time.Duration socketTimeout;
    private final int copyAttempts;
    private final double sampleFraction;
    private final RunPhase phase;
    private final String workerId;
    private final java.time.Duration lease;
    private final boolean holdSnapshot;
    private final boolean sourceQuiesced;
    /** {@code --partitions} as given ({@code null}: the default, {@code tasks}), part of the run's identity. */
    private final Integer partitionsGiven;

    private MigrationOptions(Builder b, List<String> schemas, TypeOverrides typeOverrides, NulPolicy nulPolicy) {
        this.source = b.source;
        this.target = b.target;
        this.schemas = List.copyOf(schemas);
        this.includeTables = List.copyOf(b.includeTables);
        this.excludeTables = List.copyOf(b.excludeTables);
        this.tasks = b.tasks;
        this.partitions = b.partitions == null ? b.tasks : b.partitions;
        this.partitionThresholdRows = b.partitionThresholdRows;
        this.copyFormat = b.copyFormat;
        this.verify = b.verify;
        this.mode = b.mode;
        this.resume = b.resume;
        this.indexTasks = b.indexTasks == null ? Math.max(1, Math.min(b.tasks, 4)) : b.indexTasks;
        this.unloggedLoad = b.unloggedLoad;
        this.indexMemory = b.indexMemory;
        this.split = b.split;
        this.typeOverrides = typeOverrides;
        this.typeOverrideEntries = List.copyOf(b.typeOverrides);
        this.nulReplacement = b.nulReplacement;
        this.sourceIsolation = b.sourceIsolation == null ? SourceIsolation.AUTO : b.sourceIsolation;
        this.identifierCase = b.identifierCase == null ? IdentifierCase.LOWER : b.identifierCase;
        this.nulPolicy = nulPolicy;
        this.socketTimeout = b.socketTimeout;
        this.copyAttempts = b.copyAttempts;
        this.sampleFraction = b.sampleFraction;
        this.phase = b.phase;
        this.workerId = b.workerId == null ? defaultWorkerId() : b.workerId;
        this.lease = b.lease == null ? DEFAULT_LEASE : b.lease;
        this.holdSnapshot = b.holdSnapshot;
        this.sourceQuiesced = b.sourceQuiesced;
        this.partitionsGiven = b.partitions;
    }

    /** A builder with every option at its default; only the target (and, except for status, the source) is required. */
    public static Builder builder() {
        return new Builder();
    }

    public ConnectionSpec source() { return source; }
    public ConnectionSpec target() { return target; }
    /** Source schemas to migrate; each keeps its name in the target (SQL Server: after {@link #identifierCase()}). */
    public List<String> schemas() { return schemas; }
    /** Glob patterns ({@code *}, {@code ?}) on table names or {@code schema.table}; empty = all tables. */
    public List<String> includeTables() { return includeTables; }
    public List<String> excludeTables() { return excludeTables; }
    /** Concurrent copy tasks, each with one source and one target connection. */
    public int tasks() { return tasks; }
    /** Ranges each table above {@link #partitionThresholdRows()} is split into. */
    public int partitions() { return partitions; }
    public long partitionThresholdRows() { return partitionThresholdRows; }
    public CopyFormat copyFormat() { return copyFormat; }
    public VerifyMode verify() { return verify; }
    public TargetMode mode() { return mode; }
    public boolean resume() { return resume; }
    /** Index, key and constraint builds run at once. */
    public int indexTasks() { return indexTasks; }
    /** Create target tables UNLOGGED and switch them to LOGGED after the load (note: SET LOGGED rewrites the table). */
    public boolean unloggedLoad() { return unloggedLoad; }
    /**
     * {@code maintenance_work_mem} of each index build (e.g. {@code 64MB}); {@code null}: 256 MB, or the target's own
     * value when larger. Each of the {@link #indexTasks()} builds may use this much memory on the target.
     */
    public String indexMemory() { return indexMemory; }
    public SplitStrategy split() { return split; }
    /** Whether the source is SQL Server (the options below apply to it only). */
    public boolean sqlServerSource() { return source != null && isSqlServer(source.jdbcUrl()); }
    /** SQL Server: user-chosen PostgreSQL types by SQL Server type or by column. */
    public TypeOverrides typeOverrides() { return typeOverrides; }
    /** The {@code --type-override} entries as given. */
    public List<String> typeOverrideEntries() { return typeOverrideEntries; }
    /** SQL Server: the text U+0000 is replaced with, {@code null} when such a row is an error. */
    public String nulReplacement() { return nulReplacement; }
    /** SQL Server: isolation of the range reads. */
    public SourceIsolation sourceIsolation() { return sourceIsolation; }
    /** SQL Server: how source names become target names (lower-cased by default). */
    public IdentifierCase identifierCase() { return identifierCase; }
    /** SQL Server: what happens to U+0000 in strings (an error by default). */
    public NulPolicy nulPolicy() { return nulPolicy; }
    /**
     * Longest silence of the source or the target while a partition is copied ({@code ZERO}: wait forever);
     * past it the partition fails (and may be retried) instead of the run hanging on a dead server.
     */
    public java.time.Duration socketTimeout() { return socketTimeout; }
    /** Copies of one partition at most when its connection is lost (1 = no retry); see {@code RetryPolicy}. */
    public int copyAttempts() { return copyAttempts; }
    /**
     * Share of each table above {@link #partitionThresholdRows()} that is copied (1 = all): such a table is cut into
     * {@code partitions / fraction} ranges and an evenly spread {@code fraction} of them is copied, so a benchmark
     * sees the real row shapes at a fraction of the size. Smaller tables are copied whole.
     */
    public double sampleFraction() { return sampleFraction; }
    public boolean sampled() { return sampleFraction < 1.0; }
    /** Which part of the migration this invocation runs ({@link RunPhase#ALL} by default). */
    public RunPhase phase() { return phase; }
    /** The name this process's claims carry in the state table (default: host name and process id). */
    public String workerId() { return workerId; }
    /** How long a claim lasts without a heartbeat: past it another worker takes the partition over. */
    public java.time.Duration lease() { return lease; }
    /** Plan phase, PostgreSQL source: keep the exported snapshot open for the workers until finalize starts. */
    public boolean holdSnapshot() { return holdSnapshot; }
    /** The user's word that the source does not change while the phases run (a replica, a restored copy, a stopped application). */
    public boolean sourceQuiesced() { return sourceQuiesced; }
    /** {@code --partitions} exactly as given, {@code null} when left to its default ({@link #tasks()}). */
    public Integer partitionsGiven() { return partitionsGiven; }

    /** Passwords that must never appear in output. */
    List<String> secrets() {
        return java.util.stream.Stream.of(source, target).filter(Objects::nonNull).map(ConnectionSpec::password)
                .filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "MigrationOptions[source=" + source + ", target=" + target + ", schemas=" + schemas
                + ", include=" + includeTables + ", exclude=" + excludeTables + ", tasks=" + tasks
                + ", partitions=" + partitions + ", threshold=" + partitionThresholdRows + ", format=" + copyFormat
                + ", verify=" + verify + ", mode=" + mode + ", resume=" + resume + ", indexTasks=" + indexTasks
                + ", unlogged=" + unloggedLoad + ", split=" + split + ", socketTimeout=" + socketTimeout
                + ", copyAttempts=" + copyAttempts + (sampled() ? ", sample=" + sampleFraction : "")
                + ", phase=" + phase + ", worker=" + workerId + ", lease=" + lease
                + (holdSnapshot ? ", holdSnapshot" : "") + (sourceQuiesced ? ", sourceQuiesced" : "")
                + (sqlServerSource() ? ", isolation=" + sourceIsolation + ", identifierCase=" + identifierCase
                   + ", nul=" + nulPolicy : "") + "]";
    }

    public static final class Builder {
        private ConnectionSpec source;
        private ConnectionSpec target;
        private List<String> schemas;
        private List<String> includeTables = List.of();
        private List<String> excludeTables = List.of();
        private int tasks = 4;
        private Integer partitions;
        private long partitionThresholdRows = DEFAULT_PARTITION_THRESHOLD_ROWS;
        private CopyFormat copyFormat = CopyFormat.BINARY;
        private VerifyMode verify = VerifyMode.COUNT;
        private TargetMode mode = TargetMode.CREATE;
        private boolean resume;
        private Integer indexTasks;
        private boolean unloggedLoad;
        private String indexMemory;
        private SplitStrategy split = SplitStrategy.AUTO;
        private List<String> typeOverrides = List.of();
        private SourceIsolation sourceIsolation;
        private IdentifierCase identifierCase;
        private String nulReplacement;
        private java.time.Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private int copyAttempts = DEFAULT_COPY_ATTEMPTS;
        private double sampleFraction = 1.0;
        private RunPhase phase = RunPhase.ALL;
        private String workerId;
        private java.time.Duration lease;
        private boolean holdSnapshot;
        private boolean sourceQuiesced;

        private Builder() {}

        /** Required except for {@link RunPhase#STATUS}: a {@code jdbc:postgresql:} or {@code jdbc:sqlserver:} source. */
        public Builder source(ConnectionSpec v) { this.source = v; return this; }
        /** Required: the PostgreSQL target ({@code jdbc:postgresql:}). */
        public Builder target(ConnectionSpec v) { this.target = v; return this; }
        /** Source schemas to migrate (default {@code public}, or {@code dbo} for SQL Server). */
        public Builder schemas(List<String> v) { this.schemas = v; return this; }
        /** Glob patterns on {@code table} or {@code schema.table} to migrate (default: every table). */
        public Builder includeTables(List<String> v) { this.includeTables = v; return this; }
        /** Glob patterns of tables left out, applied after {@link #includeTables}. */
        public Builder excludeTables(List<String> v) { this.excludeTables = v; return this; }
        /** Concurrent copy tasks, 1 to {@value MigrationOptions#MAX_TASKS} (default 4). */
        public Builder tasks(int v) { this.tasks = v; return this; }
        /** Ranges each large table is split into (default: {@link #tasks}). */
        public Builder partitions(int v) { this.partitions = v; return this; }
        /** Tables with more estimated rows than this are split (default {@value MigrationOptions#DEFAULT_PARTITION_THRESHOLD_ROWS}). */
        public Builder partitionThresholdRows(long v) { this.partitionThresholdRows = v; return this; }
        /** COPY format of the PostgreSQL-to-PostgreSQL stream (default {@link CopyFormat#BINARY}). */
        public Builder copyFormat(CopyFormat v) { this.copyFormat = v; return this; }
        /** How the target is checked against the source after the copy (default {@link VerifyMode#COUNT}). */
        public Builder verify(VerifyMode v) { this.verify = v; return this; }
        /** What happens to tables that already exist on the target (default {@link TargetMode#CREATE}). */
        public Builder mode(TargetMode v) { this.mode = v; return this; }
        /** Continue the interrupted run recorded on the target instead of starting one (create mode only). */
        public Builder resume(boolean v) { this.resume = v; return this; }
        /** Index, key and constraint builds at once (default: {@link #tasks}, at most 4). */
        public Builder indexTasks(int v) { this.indexTasks = v; return this; }
        /** Load into UNLOGGED tables and switch them to LOGGED afterwards. */
        public Builder unloggedLoad(boolean v) { this.unloggedLoad = v; return this; }
        /** {@code maintenance_work_mem} of each index build, e.g. {@code 64MB} (default 256 MB or the target's own when larger). */
        public Builder indexMemory(String v) { this.indexMemory = v; return this; }
        /** How a large table is cut into ranges (default {@link SplitStrategy#AUTO}). */
        public Builder split(SplitStrategy v) { this.split = v; return this; }
        /** SQL Server only: {@code <sqlserver type>=<postgres type>} or {@code <schema>.<table>.<column>=<postgres type>}. */
        public Builder typeOverrides(List<String> v) { this.typeOverrides = v; return this; }
        /** SQL Server only (default {@link SourceIsolation#AUTO}). */
        public Builder sourceIsolation(SourceIsolation v) { this.sourceIsolation = v; return this; }
        /** SQL Server only (default {@link IdentifierCase#LOWER}). */
        public Builder identifierCase(IdentifierCase v) { this.identifierCase = v; return this; }
        /** SQL Server only: replace U+0000 in strings with this text instead of failing the row. */
        public Builder nulReplacement(String v) { this.nulReplacement = v; return this; }
        /** Longest silence of a server during a copy before the partition fails (default ten minutes; {@code ZERO}: none). */
        public Builder socketTimeout(java.time.Duration v) { this.socketTimeout = v; return this; }
        /** Copies of one partition at most when its connection is lost (default {@value MigrationOptions#DEFAULT_COPY_ATTEMPTS}; 1 = no retry). */
        public Builder copyAttempts(int v) { this.copyAttempts = v; return this; }
        /** Share of each large table copied, in (0, 1] (default 1: everything). */
        public Builder sampleFraction(double v) { this.sampleFraction = v; return this; }
        /** Which part of the migration this invocation runs (default {@link RunPhase#ALL}). */
        public Builder phase(RunPhase v) { this.phase = v; return this; }
        /** Copy phase: the name this process's claims carry (default: host name and process id). */
        public Builder workerId(String v) { this.workerId = v; return this; }
        /** Copy phase: how long a claim lasts without a heartbeat, 1 s to 24 h (default {@value MigrationOptions#DEFAULT_LEASE_SECONDS} s). */
        public Builder lease(java.time.Duration v) { this.lease = v; return this; }
        /** Plan phase, PostgreSQL source: keep the exported snapshot open for the copy workers. */
        public Builder holdSnapshot(boolean v) { this.holdSnapshot = v; return this; }
        /** Separate phases: the user's word that the source does not change while they run. */
        public Builder sourceQuiesced(boolean v) { this.sourceQuiesced = v; return this; }

        /** Validates every option; throws an {@link OptionException} naming the first bad one by its flag. */
        public MigrationOptions build() {
            require(phase != null, EngineOption.PHASE, "is required");
            require(target != null, EngineOption.TARGET, "is required");
            require(!target.jdbcUrl().isBlank(), EngineOption.TARGET, "JDBC URL is empty");
            require(target.jdbcUrl().startsWith("jdbc:postgresql:"), EngineOption.TARGET,
                    "must be a jdbc:postgresql: URL, got " + Redaction.redactUrl(target.jdbcUrl()));
            // status reads only the target; given a source it also checks the invocation against the plan
            require(source != null || phase == RunPhase.STATUS, EngineOption.SOURCE, "is required");
            String sourceUrl = source == null ? "" : source.jdbcUrl();
            require(source == null || !sourceUrl.isBlank(), EngineOption.SOURCE, "JDBC URL is empty");
            require(source == null || SourceDatabases.supports(sourceUrl), EngineOption.SOURCE,
                    "is not a supported database URL: " + Redaction.redactUrl(sourceUrl));
            checkPhase(sourceUrl);
            boolean sqlServer = isSqlServer(sourceUrl);
            // SQL Server keeps user tables in dbo unless told otherwise, PostgreSQL in public
            List<String> schemaList = schemas != null ? schemas : List.of(sqlServer ? "dbo" : "public");
            require(!schemaList.isEmpty(), EngineOption.SCHEMAS, "needs at least one schema");
            require(schemaList.stream().noneMatch(s -> s == null || s.isBlank()), EngineOption.SCHEMAS, "contains a blank name");
            IdentifierCase naming = identifierCase == null ? IdentifierCase.LOWER : identifierCase;
            require(schemaList.stream().map(s -> sqlServer ? naming.apply(s) : s).noneMatch("migbench"::equals),
                    EngineOption.SCHEMAS, "'migbench' is the engine's own state schema in the target");
            require(includeTables != null && includeTables.stream().noneMatch(s -> s == null || s.isBlank()),
                    EngineOption.TABLES, "contains a blank pattern");
            require(excludeTables != null && excludeTables.stream().noneMatch(s -> s == null || s.isBlank()),
                    EngineOption.EXCLUDE, "contains a blank pattern");
            for (var named : java.util.Map.of(EngineOption.SOURCE, List.of(sourceUrl), EngineOption.TARGET,
                    List.of(target.jdbcUrl()), EngineOption.SCHEMAS, schemaList, EngineOption.TABLES, includeTables,
                    EngineOption.EXCLUDE, excludeTables).entrySet()) {
                // PostgreSQL cannot store a NUL in a name; the driver would fail later with a less clear message
                require(named.getValue().stream().noneMatch(v -> v.indexOf('\0') >= 0), named.getKey(),
                        "contains a NUL character");
            }
            require(tasks >= 1 && tasks <= MAX_TASKS, EngineOption.TASKS, "must be between 1 and " + MAX_TASKS + ", got " + tasks);
            require(partitions == null || (partitions >= 1 && partitions <= 10_000), EngineOption.PARTITIONS,
                    "must be between 1 and 10000, got " + partitions);
            require(partitionThresholdRows >= 0, EngineOption.PARTITION_THRESHOLD_ROWS, "must be >= 0, got " + partitionThresholdRows);
            require(indexTasks == null || (indexTasks >= 1 && indexTasks <= MAX_TASKS), EngineOption.INDEX_TASKS,
                    "must be between 1 and " + MAX_TASKS + ", got " + indexTasks);
            require(indexMemory == null || indexMemory.matches("[1-9][0-9]*(kB|MB|GB)"), EngineOption.INDEX_MEMORY,
                    "must be a PostgreSQL memory size like 64MB or 1GB, got \"" + indexMemory + "\"");
            require(copyFormat != null, EngineOption.COPY_FORMAT, "is required");
            require(verify != null, EngineOption.VERIFY, "is required");
            require(mode != null, EngineOption.MODE, "is required");
            require(split != null, EngineOption.SPLIT, "is required");
            require(socketTimeout != null && !socketTimeout.isNegative() && socketTimeout.toMillis() <= Integer.MAX_VALUE,
                    EngineOption.SOCKET_TIMEOUT, "must be between 0 (none) and 596 hours, got " + socketTimeout);
            require(copyAttempts >= 1 && copyAttempts <= io.migbench.engine.copy.RetryPolicy.MAX_ATTEMPTS, EngineOption.COPY_ATTEMPTS,
                    "must be between 1 and " + io.migbench.engine.copy.RetryPolicy.MAX_ATTEMPTS + ", got " + copyAttempts);
            require(sampleFraction > 0 && sampleFraction <= 1, EngineOption.SAMPLE_FRACTION,
                    "must be > 0 and <= 1, got " + sampleFraction);
            require(!(resume && mode != TargetMode.CREATE), EngineOption.RESUME,
                    "cannot be combined with mode " + mode + " (it would discard the rows already copied)");
            require(typeOverrides != null, EngineOption.TYPE_OVERRIDE, "is required (may be empty)");
            if (!sqlServer) {
                String onlySqlServer = "applies to SQL Server sources only (the source is "
                        + Redaction.redactUrl(sourceUrl) + ")";
                require(typeOverrides.isEmpty(), EngineOption.TYPE_OVERRIDE, onlySqlServer);
                require(sourceIsolation == null, EngineOption.SOURCE_ISOLATION, onlySqlServer);
                require(identifierCase == null, EngineOption.IDENTIFIER_CASE, onlySqlServer);
                require(nulReplacement == null, EngineOption.NUL_REPLACEMENT, onlySqlServer);
                return new MigrationOptions(this, schemaList, TypeOverrides.none(), NulPolicy.reject());
            }
            require(copyFormat == CopyFormat.BINARY, EngineOption.COPY_FORMAT,
                    "must be binary for a SQL Server source (rows are encoded straight into binary COPY)");
            require(split != SplitStrategy.CTID, EngineOption.SPLIT, "ctid ranges exist in PostgreSQL sources only; "
                    + "use auto, key or whole-table for SQL Server");
            return new MigrationOptions(this, schemaList, parsed(EngineOption.TYPE_OVERRIDE, () -> TypeOverrides.parse(typeOverrides)),
                    nulReplacement == null ? NulPolicy.reject()
                            : parsed(EngineOption.NUL_REPLACEMENT, () -> NulPolicy.replaceWith(nulReplacement)));
        }

        /** Options that belong to some phases only, and the consistency rule of separate phases. */
        private void checkPhase(String sourceUrl) {
            require(!resume || phase == RunPhase.ALL, EngineOption.RESUME, "belongs to the one-process run (no --phase):"
                    + " workers always continue what the plan recorded");
            require(workerId == null || phase == RunPhase.COPY || phase == RunPhase.ALL, EngineOption.WORKER_ID,
                    "applies to --phase copy only");
            require(workerId == null || (!workerId.isBlank() && workerId.length() <= 128
                    && workerId.chars().noneMatch(Character::isISOControl)), EngineOption.WORKER_ID,
                    "must be 1 to 128 printable characters");
            require(lease == null || phase == RunPhase.COPY || phase == RunPhase.ALL, EngineOption.LEASE,
                    "applies to --phase copy only");
            require(lease == null || (lease.compareTo(java.time.Duration.ofSeconds(1)) >= 0 && lease.compareTo(MAX_LEASE) <= 0),
                    EngineOption.LEASE, "must be between 1 second and 24 hours, got " + lease);
            require(indexTasks == null || phase == RunPhase.FINALIZE || phase == RunPhase.ALL, EngineOption.INDEX_TASKS,
                    "applies to --phase finalize only");
            require(indexMemory == null || phase == RunPhase.FINALIZE || phase == RunPhase.ALL, EngineOption.INDEX_MEMORY,
                    "applies to --phase finalize only");
            require(!holdSnapshot || phase == RunPhase.PLAN, EngineOption.HOLD_SNAPSHOT, "applies to --phase plan only");
            require(!holdSnapshot || sourceUrl.startsWith("jdbc:postgresql:"), EngineOption.HOLD_SNAPSHOT,
                    "needs a PostgreSQL source; for SQL Server copy from a source that does not change (a database"
                    + " snapshot, a restored copy, a stopped application) and pass --source-quiesced");
            require(!sourceQuiesced || phase == RunPhase.PLAN || phase == RunPhase.COPY || phase == RunPhase.FINALIZE,
                    EngineOption.SOURCE_QUIESCED, "applies to --phase plan, copy and finalize (a single process"
                    + " needs no such promise)");
            require(!(sourceQuiesced && holdSnapshot), EngineOption.SOURCE_QUIESCED,
                    "contradicts --hold-snapshot: a held snapshot is for a source that changes; give one of them");
        }

        private static <T> T parsed(EngineOption option, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                // the parser may already start with the flag (--type-override 'x' ...): not twice
                String problem = e.getMessage().startsWith(option.flag() + " ")
                        ? e.getMessage().substring(option.flag().length() + 1) : e.getMessage();
                throw new OptionException(option, problem, e);
            }
        }

        private static void require(boolean ok, EngineOption option, String problem) {
            if (!ok) {
                throw new OptionException(option, problem);
            }
        }
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    static boolean isSqlServer(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlserver:");
    }
}
