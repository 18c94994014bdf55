package io.migbench.harness.results;

import io.migbench.harness.model.EngineKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of one trial: a row of {@code tables.csv} (columns in {@link TableColumn}). It belongs to the
 * trial with the same run_id, platform, source_engine, engine, settings_label and trial number in the same run folder.
 * Measurements are {@code null} when unknown; {@code match} is {@code null} when counts were not compared.
 */
public record TableRecord(
        String runId, String platform, String sourceEngine, EngineKind engine, String settingsLabel, int trial, boolean warmup,
        String schema, String table, Long rows, Long bytes, Double seconds, Double rowsPerSecond,
        Integer partitions, Long sourceRows, Long targetRows, Boolean match, ValidationResult checksum) {

    public TableRecord {
        List<String> problems = new ArrayList<>();
        for (var column : new Object[][] {{runId, "run_id"}, {platform, "platform"}, {sourceEngine, "source_engine"},
                {engine, "engine"},
                {settingsLabel, "settings_label"}, {table, "table"}}) {
            if (column[0] == null || column[0] instanceof String s && s.isBlank()) {
                problems.add(column[1] + ": missing");
            }
        }
        if (trial < 1) {
            problems.add("trial: must be at least 1, got " + trial);
        }
        if (seconds != null && (seconds.isNaN() || seconds < 0)) {
            problems.add("seconds: must not be negative, got " + seconds);
        }
        if (partitions != null && partitions < 1) {
            problems.add("partitions: must be at least 1, got " + partitions);
        }
        if (match != null && sourceRows != null && targetRows != null && match != sourceRows.equals(targetRows)) {
            problems.add("match: " + match + " contradicts source_rows=" + sourceRows + ", target_rows=" + targetRows);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("table record (" + schema + "." + table + ", run " + runId
                    + ", trial " + trial + "): " + String.join("; ", problems));
        }
        schema = schema == null ? "" : schema;
        checksum = checksum == null ? ValidationResult.SKIPPED : checksum;
        if (match == null && sourceRows != null && targetRows != null) {
            match = sourceRows.equals(targetRows);
        }
        if (rowsPerSecond == null && rows != null && seconds != null && seconds > 0) {
            rowsPerSecond = rows / seconds;
        }
    }

    /** A table row for {@code trial}, sharing its identifying columns. */
    public static TableRecord of(TrialRecord trial, String schema, String table, Long rows, Long bytes,
                                 Double seconds, Integer partitions, Long sourceRows, Long targetRows,
                                 ValidationResult checksum) {
        return new TableRecord(trial.runId(), trial.platform(), trial.sourceEngine(), trial.engine(), trial.settingsLabel(), trial.trial(),
                trial.warmup(), schema, table, rows, bytes, seconds, null, partitions, sourceRows, targetRows, null,
                checksum);
    }

    /** Same trial identity as {@code t} (within one run folder). */
    public boolean belongsTo(TrialRecord t) {
        return runId.equals(t.runId()) && platform.equals(t.platform()) && sourceEngine.equals(t.sourceEngine())
                && engine == t.engine()
                && settingsLabel.equals(t.settingsLabel()) && trial == t.trial();
    }

    public String qualifiedName() {
        return schema.isEmpty() ? table : schema + "." + table;
    }
}
