package io.migbench.harness.results;

import io.migbench.harness.model.BuildInfo;
import io.migbench.harness.model.EngineKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One trial of one engine configuration on one platform: a row of {@code trials.csv} (columns in
 * {@link TrialColumn}, documented in docs/results-csv.md). Build it with {@link #builder()}; the compact
 * constructor is the one place that rejects missing or contradictory values, naming the CSV column.
 * Measurements are {@code null} when a failed trial did not get that far.
 */
public record TrialRecord(
        String runId, Instant timestamp, String scenario, String platform, String backend,
        EnvironmentFacts host,
        String sourceEngine, String sourceVersion, String targetEngine, String targetVersion,
        String sourceLimitsRequested, String sourceLimitsEnforced,
        String targetLimitsRequested, String targetLimitsEnforced, String targetSettings,
        String dataset, double scale,
        EngineKind engine, String settingsLabel, boolean baseline,
        int tasks, Integer workers, Integer partitions, String copyFormat, String split, String knobs,
        int trial, boolean warmup,
        Integer round, Integer order, String durability, String sessionSettings,
        Long rows, Long bytes,
        Double schemaSeconds, Double copySeconds, Double indexSeconds, Double verifySeconds, Double totalSeconds,
        Double rowsPerSecond, Double mbPerSecond,
        ValidationMode validation, ValidationResult validationResult, Long sourceRows, Long targetRows,
        TrialStatus status, String error,
        ResourceUsage resources, String migbenchVersion, String javaVersion) {

    public TrialRecord {
        resources = Objects.requireNonNullElse(resources, ResourceUsage.UNKNOWN);
        List<String> problems = new ArrayList<>();
        require(problems, runId, "run_id");
        require(problems, timestamp, "timestamp");
        require(problems, platform, "platform");
        require(problems, host, "host facts");
        require(problems, sourceEngine, "source_engine");
        require(problems, targetEngine, "target_engine");
        require(problems, dataset, "dataset");
        require(problems, engine, "engine");
        require(problems, settingsLabel, "settings_label");
        require(problems, status, "status");
        if (tasks < 1) {
            problems.add("tasks: must be at least 1, got " + tasks);
        }
        if (trial < 1) {
            problems.add("trial: must be at least 1, got " + trial);
        }
        if (!(scale > 0)) {
            problems.add("scale: must be > 0, got " + scale);
        }
        positive(problems, workers, "workers");
        positive(problems, partitions, "partitions");
        positive(problems, round, "round");
        positive(problems, order, "order");
        if ((round == null) != (order == null)) {
            problems.add("round/order: both or neither, got round=" + round + ", order=" + order);
        }
        for (Double s : new Double[] {schemaSeconds, copySeconds, indexSeconds, verifySeconds, totalSeconds}) {
            if (s != null && (s.isNaN() || s < 0)) {
                problems.add("phase seconds: must not be negative, got " + s);
            }
        }
        if (status == TrialStatus.FAILED && (error == null || error.isBlank())) {
            problems.add("error: a failed trial must say why");
        }
        if (status == TrialStatus.OK) {
            if (rows == null || totalSeconds == null || !(totalSeconds > 0)) {
                problems.add("rows/total_s: a trial with status=ok needs rows and total_s > 0");
            }
            if (validationResult == ValidationResult.FAILED) {
                problems.add("status: ok contradicts validation_result=failed (a failed validation fails the trial)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("trial record (run " + runId + ", platform " + platform
                    + ", settings " + settingsLabel + ", trial " + trial + "): " + String.join("; ", problems));
        }
        if (rowsPerSecond == null && rows != null && totalSeconds != null && totalSeconds > 0) {
            rowsPerSecond = rows / totalSeconds;
        }
        durability = durability == null || durability.isBlank() ? UNKNOWN : durability;
        sessionSettings = sessionSettings == null || sessionSettings.isBlank() ? UNKNOWN : sessionSettings;
        if (mbPerSecond == null && bytes != null && totalSeconds != null && totalSeconds > 0) {
            mbPerSecond = bytes / 1e6 / totalSeconds;
        }
    }

    /** What old CSVs without the durability or session_settings column read as. */
    public static final String UNKNOWN = "unknown";

    private static void require(List<String> problems, Object value, String column) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.add(column + ": missing");
        }
    }

    private static void positive(List<String> problems, Integer value, String column) {
        if (value != null && value < 1) {
            problems.add(column + ": must be at least 1, got " + value);
        }
    }

    public boolean isOk() {
        return status == TrialStatus.OK;
    }

    /** A trial that counts in the statistics: completed and not a warmup. */
    public boolean isMeasured() {
        return isOk() && !warmup;
    }

    /** Identifies the platform across merged runs: the same profile on two hosts is two platforms. */
    public String platformKey() {
        return host.hostName() + "/" + platform;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This trial with what it used, measured after the row was built. The canonical constructor takes every
     * component, so a component added to the record cannot be left out of the copy: the call stops compiling.
     */
    public TrialRecord withResources(ResourceUsage used) {
        return new TrialRecord(runId, timestamp, scenario, platform, backend, host, sourceEngine, sourceVersion,
                targetEngine, targetVersion, sourceLimitsRequested, sourceLimitsEnforced, targetLimitsRequested,
                targetLimitsEnforced, targetSettings, dataset, scale, engine, settingsLabel, baseline, tasks,
                workers, partitions, copyFormat, split, knobs, trial, warmup, round, order, durability, sessionSettings,
                rows, bytes, schemaSeconds, copySeconds, indexSeconds, verifySeconds, totalSeconds, rowsPerSecond,
                mbPerSecond, validation, validationResult, sourceRows, targetRows, status, error,
                used, migbenchVersion, javaVersion);
    }

    /** Fluent builder; {@link #build()} validates through the record's constructor. */
    public static final class Builder {
        private String runId;
        private String migbenchVersion = BuildInfo.UNKNOWN;
        private String javaVersion = BuildInfo.UNKNOWN;
        private Instant timestamp;
        private String scenario = "";
        private String platform;
        private String backend = "";
        private EnvironmentFacts host;
        private String sourceEngine;
        private String sourceVersion = "";
        private String targetEngine = "postgresql";
        private String targetVersion = "";
        private String sourceLimitsRequested = "";
        private String sourceLimitsEnforced = "";
        private String targetLimitsRequested = "";
        private String targetLimitsEnforced = "";
        private String targetSettings = "";
        private String dataset;
        private double scale = 1;
        private EngineKind engine = EngineKind.MIGBENCH;
        private String settingsLabel;
        private boolean baseline;
        private int tasks;
        private Integer workers;
        private Integer partitions;
        private String copyFormat = "";
        private String split = "";
        private String knobs = "";
        private int trial;
        private boolean warmup;
        private Integer round;
        private Integer order;
        private String durability = UNKNOWN;
        private String sessionSettings = UNKNOWN;
        private Long rows;
        private Long bytes;
        private Double schemaSeconds;
        private Double copySeconds;
        private Double indexSeconds;
        private Double verifySeconds;
        private Double totalSeconds;
        private Double rowsPerSecond;
        private Double mbPerSecond;
        private ValidationMode validation = ValidationMode.COUNT;
        private ValidationResult validationResult = ValidationResult.SKIPPED;
        private Long sourceRows;
        private Long targetRows;
        private TrialStatus status = TrialStatus.OK;
        private String error = "";
        private ResourceUsage resources = ResourceUsage.UNKNOWN;

        private Builder() {}

        public Builder runId(String v) { runId = v; return this; }
        public Builder timestamp(Instant v) { timestamp = v; return this; }
        public Builder scenario(String v) { scenario = v; return this; }
        /** The platform profile's name from the scenario. */
        public Builder platform(String v) { platform = v; return this; }
        public Builder backend(String v) { backend = v; return this; }
        public Builder host(EnvironmentFacts v) { host = v; return this; }
        public Builder sourceEngine(String v) { sourceEngine = v; return this; }
        public Builder sourceVersion(String v) { sourceVersion = v; return this; }
        public Builder targetEngine(String v) { targetEngine = v; return this; }
        public Builder targetVersion(String v) { targetVersion = v; return this; }
        /** Limits as compact text, e.g. {@code cpus=2 memory=4GiB}; empty for none. */
        public Builder sourceLimits(String requested, String enforced) {
            sourceLimitsRequested = requested; sourceLimitsEnforced = enforced; return this;
        }
        public Builder targetLimits(String requested, String enforced) {
            targetLimitsRequested = requested; targetLimitsEnforced = enforced; return this;
        }
        /** Target server settings as compact text, e.g. {@code shared_buffers=1GB synchronous_commit=off}. */
        public Builder targetSettings(String v) { targetSettings = v; return this; }
        public Builder dataset(String v) { dataset = v; return this; }
        public Builder scale(double v) { scale = v; return this; }
        public Builder engine(EngineKind v) { engine = v; return this; }
        /** A short name for this point of the matrix, e.g. {@code tasks=8 partitions=36}. */
        public Builder settingsLabel(String v) { settingsLabel = v; return this; }
        /** True for the scenario's baseline setting, the "before" of the before/after comparison. */
        public Builder baseline(boolean v) { baseline = v; return this; }
        public Builder tasks(int v) { tasks = v; return this; }
        /** Separate copy-worker processes of a plan/copy/finalize trial; {@code null}: one in-process run. */
        public Builder workers(Integer v) { workers = v; return this; }
        public Builder partitions(Integer v) { partitions = v; return this; }
        public Builder copyFormat(String v) { copyFormat = v; return this; }
        public Builder split(String v) { split = v; return this; }
        /** Any other engine knobs as compact text, e.g. {@code unlogged=true}. */
        public Builder knobs(String v) { knobs = v; return this; }
        public Builder trial(int v) { trial = v; return this; }
        public Builder warmup(boolean v) { warmup = v; return this; }
        /** The sweep round and the position within it; both {@code null} for warmups and tuner trials. */
        public Builder position(Integer round, Integer order) { this.round = round; this.order = order; return this; }
        /** {@code durable} or {@code non-durable(fsync=off,…)}, from the target's effective settings. */
        public Builder durability(String v) { durability = v; return this; }
        /** What the engine set in its own target sessions, e.g. {@code synchronous_commit=off;index maintenance_work_mem=256MB}. */
        public Builder sessionSettings(String v) { sessionSettings = v; return this; }
        public Builder rows(Long v) { rows = v; return this; }
        public Builder bytes(Long v) { bytes = v; return this; }
        public Builder phases(Double schema, Double copy, Double index, Double verify, Double total) {
            schemaSeconds = schema; copySeconds = copy; indexSeconds = index; verifySeconds = verify;
            totalSeconds = total; return this;
        }
        /** Throughput; when left unset it is derived as rows / total_s. */
        public Builder rowsPerSecond(Double v) { rowsPerSecond = v; return this; }
        /** Throughput in 10^6 bytes per second; when left unset it is derived as bytes / 10^6 / total_s. */
        public Builder mbPerSecond(Double v) { mbPerSecond = v; return this; }
        public Builder validation(ValidationMode mode, ValidationResult result) {
            validation = mode; validationResult = result; return this;
        }
        public Builder sourceRows(Long v) { sourceRows = v; return this; }
        public Builder targetRows(Long v) { targetRows = v; return this; }
        public Builder status(TrialStatus v) { status = v; return this; }
        /** Marks the trial failed with a reason (passwords must already be redacted; the writer masks URL passwords). */
        public Builder failed(String reason) { status = TrialStatus.FAILED; error = reason; return this; }
        public Builder error(String v) { error = Objects.requireNonNullElse(v, ""); return this; }
        /** Which migbench and which Java measured the trial (default unknown, as in files older than the columns). */
        public Builder tool(String migbench, String java) { migbenchVersion = migbench; javaVersion = java; return this; }

        /** CPU, I/O, WAL and wait events measured during the trial; unknown when left unset. */
        public Builder resources(ResourceUsage v) { resources = v; return this; }

        public TrialRecord build() {
            return new TrialRecord(runId, timestamp, scenario, platform, backend, host, sourceEngine, sourceVersion,
                    targetEngine, targetVersion, sourceLimitsRequested, sourceLimitsEnforced, targetLimitsRequested,
                    targetLimitsEnforced, targetSettings, dataset, scale, engine, settingsLabel, baseline, tasks,
                    workers, partitions, copyFormat, split, knobs, trial, warmup, round, order, durability, sessionSettings,
                    rows, bytes, schemaSeconds,
                    copySeconds, indexSeconds, verifySeconds, totalSeconds, rowsPerSecond, mbPerSecond, validation,
                    validationResult, sourceRows, targetRows, status, error,
                    resources, migbenchVersion, javaVersion);
        }
    }
}
