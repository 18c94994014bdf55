package io.migbench.engine;

import java.util.List;

/**
 * Everything a migration measured. {@code errorMessage} is redacted; {@code failure} is the original cause
 * (its messages are not redacted: log it only through {@link Redaction}).
 */
public record MigrationResult(MigrationStatus status, long totalRows, long totalBytes, PhaseTimings timings,
                              List<TableResult> tables, List<VerificationMismatch> mismatches,
                              String errorMessage, Throwable failure,
                              String sourceServerVersion, String targetServerVersion) {
    public MigrationResult {
        tables = List.copyOf(tables);
        mismatches = List.copyOf(mismatches);
    }

    public double rowsPerSecond() {
        return timings.totalSeconds() > 0 ? totalRows / timings.totalSeconds() : 0;
    }

    public boolean succeeded() {
        return status == MigrationStatus.SUCCEEDED;
    }
}
