package io.migbench.harness.results;

import io.migbench.harness.model.BuildInfo;
import io.migbench.harness.model.EngineKind;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of {@code trials.csv}, in file order: the single definition of each column's name, meaning and
 * value. docs/results-csv.md documents the same list (a test keeps them in step).
 */
public enum TrialColumn {
    RUN_ID("run_id", "identifier of the sweep or tune run", TrialRecord::runId),
    TIMESTAMP("timestamp", "when the trial started, ISO-8601 UTC", TrialRecord::timestamp),
    SCENARIO("scenario", "scenario name (file) the run came from", TrialRecord::scenario),
    PLATFORM("platform", "platform profile name from the scenario", TrialRecord::platform),
    BACKEND("backend", "database backend: embedded, docker or external", TrialRecord::backend),
    HOST_NAME("host_name", "host the trial ran on", t -> t.host().hostName()),
    OS("os", "operating system and version", t -> t.host().os()),
    ARCH("arch", "CPU architecture", t -> t.host().arch()),
    CPU_MODEL("cpu_model", "CPU model name", t -> t.host().cpuModel()),
    LOGICAL_CORES("logical_cores", "logical CPUs of the host", t -> t.host().logicalCores()),
    MEMORY_BYTES("memory_bytes", "physical memory of the host in bytes", t -> t.host().memoryBytes()),
    VIRTUALIZATION("virtualization", "native | wsl2 | container | vm", t -> t.host().virtualization()),
    SOURCE_ENGINE("source_engine", "source database engine: postgresql or sqlserver", TrialRecord::sourceEngine),
    SOURCE_VERSION("source_version", "source server version", TrialRecord::sourceVersion),
    TARGET_ENGINE("target_engine", "target database engine", TrialRecord::targetEngine),
    TARGET_VERSION("target_version", "target server version", TrialRecord::targetVersion),
    SOURCE_LIMITS_REQUESTED("source_limits_requested", "limits the profile asked for the source, e.g. cpus=2 memory=4GiB",
            TrialRecord::sourceLimitsRequested),
    SOURCE_LIMITS_ENFORCED("source_limits_enforced", "limits really enforced on the source (empty: none)",
            TrialRecord::sourceLimitsEnforced),
    TARGET_LIMITS_REQUESTED("target_limits_requested", "limits the profile asked for the target",
            TrialRecord::targetLimitsRequested),
    TARGET_LIMITS_ENFORCED("target_limits_enforced", "limits really enforced on the target (empty: none)",
            TrialRecord::targetLimitsEnforced),
    TARGET_SETTINGS("target_settings", "target server settings, e.g. shared_buffers=1GB synchronous_commit=off",
            TrialRecord::targetSettings),
    DATASET("dataset", "dataset name, e.g. stackoverflow", TrialRecord::dataset),
    SCALE("scale", "dataset scale factor", TrialRecord::scale),
    ENGINE("engine", "tool that moved the data: migbench | psql-pipe | pgcopydb | pg_dump-restore",
            TrialRecord::engine),
    SETTINGS_LABEL("settings_label", "short name of this point of the matrix", TrialRecord::settingsLabel),
    IS_BASELINE("is_baseline", "true for the scenario's baseline setting (the 'before' of before/after)",
            TrialRecord::baseline),
    TASKS("tasks", "concurrent copy tasks (with workers: of each worker process)", TrialRecord::tasks),
    WORKERS("workers", "separate copy-worker JVMs between a plan and a finalize (empty: one in-process run)",
            TrialRecord::workers, true),
    PARTITIONS("partitions", "partitions per large table (empty: engine default)", TrialRecord::partitions),
    COPY_FORMAT("copy_format", "COPY format: binary or text", TrialRecord::copyFormat),
    SPLIT("split", "how tables were split: range, quantile, ctid, none", TrialRecord::split),
    KNOBS("knobs", "other engine settings, compact key=value list", TrialRecord::knobs),
    TRIAL("trial", "trial number within the configuration, from 1", TrialRecord::trial),
    WARMUP("warmup", "true for warmup trials (recorded, never counted in statistics)", TrialRecord::warmup),
    ROUND("round", "sweep round of a measured trial, from 1 (empty: warmup or tuner trial)", TrialRecord::round, true),
    ORDER("order", "position of the trial within its round, from 1 (empty with round)", TrialRecord::order, true),
    DURABILITY("durability", "durable | non-durable(fsync=off,...) from the target's effective settings | unknown",
            TrialRecord::durability, true),
    SESSION_SETTINGS("session_settings", "what the engine set in its own target sessions, ;-separated | unknown",
            TrialRecord::sessionSettings, true),
    ROWS("rows", "rows copied", TrialRecord::rows),
    BYTES("bytes", "bytes copied (COPY stream size)", TrialRecord::bytes),
    SCHEMA_S("schema_s", "seconds creating the target schema", TrialRecord::schemaSeconds),
    COPY_S("copy_s", "seconds copying data", TrialRecord::copySeconds),
    INDEX_S("index_s", "seconds building keys and indexes", TrialRecord::indexSeconds),
    VERIFY_S("verify_s", "seconds validating", TrialRecord::verifySeconds),
    TOTAL_S("total_s", "wall-clock seconds of the whole migration", TrialRecord::totalSeconds),
    ROWS_PER_S("rows_per_s", "rows / total_s", TrialRecord::rowsPerSecond),
    MB_PER_S("mb_per_s", "bytes / 10^6 / total_s", TrialRecord::mbPerSecond),
    // where the time went (docs/results-csv.md, "Resource columns"); empty: not measured
    SOURCE_CPU_S("source_cpu_s", "CPU seconds of the source server's processes during the migration",
            t -> t.resources().sourceCpuSeconds(), true),
    TARGET_CPU_S("target_cpu_s", "CPU seconds of the target server's processes during the migration",
            t -> t.resources().targetCpuSeconds(), true),
    ENGINE_CPU_S("engine_cpu_s", "CPU seconds of the migbench JVM (engine, harness) and the tools it ran",
            t -> t.resources().engineCpuSeconds(), true),
    SOURCE_READ_BYTES("source_read_bytes", "bytes the source's processes read from storage",
            t -> t.resources().sourceReadBytes(), true),
    SOURCE_WRITE_BYTES("source_write_bytes", "bytes the source's processes wrote to storage",
            t -> t.resources().sourceWriteBytes(), true),
    TARGET_READ_BYTES("target_read_bytes", "bytes the target's processes read from storage",
            t -> t.resources().targetReadBytes(), true),
    TARGET_WRITE_BYTES("target_write_bytes", "bytes the target's processes wrote to storage",
            t -> t.resources().targetWriteBytes(), true),
    TARGET_WAL_BYTES("target_wal_bytes", "WAL the target generated during the migration (pg_current_wal_lsn difference)",
            t -> t.resources().targetWalBytes(), true),
    SOURCE_WAIT_SAMPLES("source_wait_samples", "active source backends observed by the wait-event sampler",
            t -> t.resources().sourceWaitSamples(), true),
    SOURCE_WAITS("source_waits", "share per wait event of those observations, e.g. CPU=0.8;IO/DataFileRead=0.2",
            t -> t.resources().sourceWaitShares(), true),
    TARGET_WAIT_SAMPLES("target_wait_samples", "active target backends observed by the wait-event sampler",
            t -> t.resources().targetWaitSamples(), true),
    TARGET_WAITS("target_waits", "share per wait event of those observations, e.g. CPU=0.61;LWLock/WALWrite=0.22",
            t -> t.resources().targetWaitShares(), true),
    RESOURCE_NOTES("resource_notes", "how the resource columns were measured, and why one is empty",
            t -> t.resources().notes(), true),
    VALIDATION("validation", "count | checksum", TrialRecord::validation),
    VALIDATION_RESULT("validation_result", "passed | failed | skipped", TrialRecord::validationResult),
    SOURCE_ROWS("source_rows", "rows counted in the source", TrialRecord::sourceRows),
    TARGET_ROWS("target_rows", "rows counted in the target", TrialRecord::targetRows),
    STATUS("status", "ok | failed", TrialRecord::status),
    ERROR("error", "why a failed trial failed (passwords masked)", TrialRecord::error),
    MIGBENCH_VERSION("migbench_version", "migbench version and git commit that ran the trial (unknown in older files)",
            TrialRecord::migbenchVersion, true),
    JAVA_VERSION("java_version", "Java runtime of the harness (unknown in older files)", TrialRecord::javaVersion, true);

    private final String header;
    private final String description;
    private final Function<TrialRecord, Object> value;
    /** Added after the first released format: older CSVs lack it and read it as empty ("unknown"). */
    private final boolean optional;

    TrialColumn(String header, String description, Function<TrialRecord, Object> value) {
        this(header, description, value, false);
    }

    TrialColumn(String header, String description, Function<TrialRecord, Object> value, boolean optional) {
        this.header = header;
        this.description = description;
        this.value = value;
        this.optional = optional;
    }

    public String header() {
        return header;
    }

    public String description() {
        return description;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(TrialColumn::header).toList();
    }

    /** The columns every trials.csv must have; the optional ones may be missing in older files. */
    static List<String> requiredHeaders() {
        return Arrays.stream(values()).filter(c -> !c.optional).map(TrialColumn::header).toList();
    }

    static List<Object> cells(TrialRecord t) {
        return Arrays.stream(values()).map(c -> c.value.apply(t)).toList();
    }

    static TrialRecord read(CsvRow r) {
        try {
            return TrialRecord.builder()
                    .runId(r.required(RUN_ID.header)).timestamp(r.instant(TIMESTAMP.header))
                    .scenario(r.text(SCENARIO.header)).platform(r.required(PLATFORM.header))
                    .backend(r.text(BACKEND.header))
                    .host(new EnvironmentFacts(r.required(HOST_NAME.header), r.required(OS.header),
                            r.required(ARCH.header), r.required(CPU_MODEL.header), r.intValue(LOGICAL_CORES.header),
                            r.longValue(MEMORY_BYTES.header), r.code(VIRTUALIZATION.header, Virtualization.class)))
                    .sourceEngine(r.required(SOURCE_ENGINE.header)).sourceVersion(r.text(SOURCE_VERSION.header))
                    .targetEngine(r.required(TARGET_ENGINE.header)).targetVersion(r.text(TARGET_VERSION.header))
                    .sourceLimits(r.text(SOURCE_LIMITS_REQUESTED.header), r.text(SOURCE_LIMITS_ENFORCED.header))
                    .targetLimits(r.text(TARGET_LIMITS_REQUESTED.header), r.text(TARGET_LIMITS_ENFORCED.header))
                    .targetSettings(r.text(TARGET_SETTINGS.header))
                    .dataset(r.required(DATASET.header)).scale(r.doubleValue(SCALE.header))
                    .engine(r.code(ENGINE.header, EngineKind.class)).settingsLabel(r.required(SETTINGS_LABEL.header))
                    .baseline(r.bool(IS_BASELINE.header)).tasks(r.intValue(TASKS.header))
                    .workers(r.optionalInt(WORKERS.header))
                    .partitions(r.optionalInt(PARTITIONS.header))
                    .copyFormat(r.text(COPY_FORMAT.header)).split(r.text(SPLIT.header)).knobs(r.text(KNOBS.header))
                    .trial(r.intValue(TRIAL.header)).warmup(r.bool(WARMUP.header))
                    .position(r.optionalInt(ROUND.header), r.optionalInt(ORDER.header))
                    .durability(r.text(DURABILITY.header)).sessionSettings(r.text(SESSION_SETTINGS.header))
                    .rows(r.optionalLong(ROWS.header)).bytes(r.optionalLong(BYTES.header))
                    .phases(r.optionalDouble(SCHEMA_S.header), r.optionalDouble(COPY_S.header),
                            r.optionalDouble(INDEX_S.header), r.optionalDouble(VERIFY_S.header),
                            r.optionalDouble(TOTAL_S.header))
                    .rowsPerSecond(r.optionalDouble(ROWS_PER_S.header)).mbPerSecond(r.optionalDouble(MB_PER_S.header))
                    .validation(r.code(VALIDATION.header, ValidationMode.class),
                            r.code(VALIDATION_RESULT.header, ValidationResult.class))
                    .sourceRows(r.optionalLong(SOURCE_ROWS.header)).targetRows(r.optionalLong(TARGET_ROWS.header))
                    .status(r.code(STATUS.header, TrialStatus.class)).error(r.text(ERROR.header))
                    .resources(resources(r))
                    .tool(r.textOr(MIGBENCH_VERSION.header, BuildInfo.UNKNOWN), r.textOr(JAVA_VERSION.header, BuildInfo.UNKNOWN))
                    .build();
        } catch (ResultsFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(r.where() + ": " + e.getMessage(), e);
        }
    }

    private static ResourceUsage resources(CsvRow r) {
        return new ResourceUsage(r.optionalDouble(SOURCE_CPU_S.header), r.optionalDouble(TARGET_CPU_S.header),
                r.optionalDouble(ENGINE_CPU_S.header),
                r.optionalLong(SOURCE_READ_BYTES.header), r.optionalLong(SOURCE_WRITE_BYTES.header),
                r.optionalLong(TARGET_READ_BYTES.header), r.optionalLong(TARGET_WRITE_BYTES.header),
                r.optionalLong(TARGET_WAL_BYTES.header),
                WaitProfile.parse(r.optionalLong(SOURCE_WAIT_SAMPLES.header), r.text(SOURCE_WAITS.header)),
                WaitProfile.parse(r.optionalLong(TARGET_WAIT_SAMPLES.header), r.text(TARGET_WAITS.header)),
                r.text(RESOURCE_NOTES.header));
    }
}
