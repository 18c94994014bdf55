package io.migbench.harness.sweep;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.ProgressListener;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TableResult;
import io.migbench.engine.TargetMode;
import io.migbench.engine.VerifyMode;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.ValidationMode;
import io.migbench.harness.results.ValidationResult;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One trial of the migbench engine itself: in-process through its library API, or, for a {@code workers} point,
 * as separate processes ({@link WorkerProcessesTrial}).
 */
final class MigbenchTrial {
    private MigbenchTrial() {}

    static MigrationOptions options(Scenario scenario, PlatformDatabases dbs, SourceSelection selection, EngineSettings s) {
        MigrationOptions.Builder b = builder(scenario, dbs, selection, s);
        if (!s.indexTasks().isAuto()) {
            b.indexTasks(s.indexTasks().value());
        }
        return b.build();
    }

    /** The options of a trial of {@code s}, except the finalize-only index tasks. */
    static MigrationOptions.Builder builder(Scenario scenario, PlatformDatabases dbs, SourceSelection selection,
                                            EngineSettings s) {
        MigrationOptions.Builder b = selection.applyTo(MigrationOptions.builder())
                .source(new ConnectionSpec(dbs.sourceUrl(), dbs.source().user(), dbs.source().password()))
                .target(new ConnectionSpec(dbs.targetUrl(), dbs.target().user(), dbs.target().password()))
                .tasks(s.tasks())
                .copyFormat(CopyFormat.valueOf(s.copyFormat().name()))
                .split(SplitStrategy.valueOf(s.split().name()))
                .unloggedLoad(s.unlogged())
                .verify(VerifyMode.valueOf(scenario.verify().name()))
                // a trial that needed a retried partition is no clean measurement: it fails at once, is recorded as
                // failed, and the session restarts whatever died
                .copyAttempts(1)
                // a recreated target database is empty; an external one still holds the previous trial's tables
                .mode(dbs.recreatesTarget() ? TargetMode.CREATE : TargetMode.DROP_RECREATE);
        if (!s.partitions().isAuto()) {
            b.partitions(s.partitions().value());
        }
        return b;
    }

    static TrialOutcome run(TrialContext ctx, EngineSettings settings, TrialSlot slot, ProgressListener listener) {
        MigrationResult r = settings.workers().isAuto()
                ? Migrator.migrate(options(ctx.scenario(), ctx.databases(), ctx.selection(), settings), listener)
                : WorkerProcessesTrial.migrate(ctx, settings, listener);
        return outcome(ctx.newRecord(settings, slot), r, ValidationMode.parse(ctx.scenario().verify().yamlName()));
    }

    /** The trial row (completing {@code row}) and table rows of a finished migration. */
    static TrialOutcome outcome(TrialRecord.Builder row, MigrationResult r, ValidationMode mode) {
        row.sessionSettings(String.join(";", r.targetSessionSettings()))
                .rows(r.totalRows())
                .bytes(r.totalBytes())
                .phases(r.timings().schemaSeconds(), r.timings().copySeconds(), r.timings().indexSeconds(),
                        r.timings().verifySeconds(), r.timings().totalSeconds())
                .sourceRows(r.tables().stream().mapToLong(TableResult::sourceRows).sum())
                .targetRows(r.tables().stream().mapToLong(TableResult::targetRows).sum())
                .validation(mode, validation(r));
        if (!r.succeeded()) {
            row.failed(r.errorMessage() == null ? r.status().name() : r.errorMessage());
        }
        TrialRecord record = row.build();
        List<TableRecord> tables = new ArrayList<>();
        for (TableResult t : r.tables()) {
            tables.add(TableRecord.of(record, t.schema(), t.table(), t.rows(), t.bytes(), t.copySeconds(),
                    t.partitions(), t.sourceRows(), t.targetRows(), checksum(t)));
        }
        return new TrialOutcome(record, tables);
    }

    private static ValidationResult validation(MigrationResult r) {
        if (r.status() == MigrationStatus.VERIFICATION_FAILED) {
            return ValidationResult.FAILED;
        }
        return r.succeeded() ? ValidationResult.PASSED : ValidationResult.SKIPPED;
    }

    private static ValidationResult checksum(TableResult t) {
        if (t.checksumMatch() == null) {
            return ValidationResult.SKIPPED;
        }
        return t.checksumMatch() ? ValidationResult.PASSED : ValidationResult.FAILED;
    }
}
