package io.migbench.harness.service;

import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.sweep.RecordedMigration;

import java.io.IOException;
import java.nio.file.Path;

/** {@code migrate --record DIR}, as every entry point runs it: a finished migration appended to a results folder. */
public final class RecordService {
    private RecordService() {}

    /** Appends the migration to {@code folder}'s trials.csv and tables.csv (created if needed); returns its row. */
    public static TrialRecord append(Path folder, MigrationOptions options, MigrationResult result) throws IOException {
        return RecordedMigration.append(folder, options, result);
    }
}
