package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.NotMigratedSummary;

import java.util.List;

/**
 * Everything a migration measured. {@code errorMessage} is redacted; {@code failure} is the original cause
 * (its messages are not redacted: log it only through {@link Redaction}). {@code notMigrated} lists the source
 * objects the engine left out (functions, triggers, ...), by kind and name. {@code targetSessionSettings} lists what
 * the engine set in its own target sessions ("synchronous_commit=off", "index maintenance_work_mem=256MB"), which
 * the server's settings do not show. {@code verification} says which check ran; {@code timeline} is every table's
 * steps (copy per partition, index, keys, ANALYZE, verification). {@code runId} names the planned run in the
 * target's state tables. A {@link RunPhase#PLAN} result lists the planned tables with their estimated rows and
 * bytes (nothing copied); a {@link RunPhase#COPY} result the partitions this worker copied.
 */
public record MigrationResult(MigrationStatus status, long totalRows, long totalBytes, PhaseTimings timings,
                              List<TableResult> tables, List<VerificationMismatch> mismatches,
                              List<NotMigrated> notMigrated, String errorMessage, Throwable failure,
                              String sourceServerVersion, String targetServerVersion,
                              List<String> targetSessionSettings, VerifyMode verification,
                              List<TimelineEvent> timeline, String runId) {
    public MigrationResult {
        targetSessionSettings = List.copyOf(targetSessionSettings);
        timeline = List.copyOf(timeline);
        tables = List.copyOf(tables);
        mismatches = List.copyOf(mismatches);
        notMigrated = List.copyOf(notMigrated);
    }

    /** {@code not migrated: 2 functions (public.f(), public.g()), 1 trigger (...)}, or {@code null} when nothing was left out. */
    public String notMigratedSummary() {
        return NotMigratedSummary.line(notMigrated);
    }

    /** Rows copied per second of the whole run (0 when it took no time). */
    public double rowsPerSecond() {
        return timings.totalSeconds() > 0 ? totalRows / timings.totalSeconds() : 0;
    }

    /** {@link MigrationStatus#SUCCEEDED}. */
    public boolean succeeded() {
        return status == MigrationStatus.SUCCEEDED;
    }
}
