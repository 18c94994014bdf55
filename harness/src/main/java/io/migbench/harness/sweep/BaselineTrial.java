package io.migbench.harness.sweep;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.schema.TableName;
import io.migbench.harness.dataset.Dataset;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.ValidationMode;
import io.migbench.harness.results.ValidationResult;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.model.SourceEngine;
import io.migbench.harness.sweep.baseline.BaselineContext;
import io.migbench.harness.sweep.baseline.BaselineException;
import io.migbench.harness.sweep.baseline.BaselineRun;
import io.migbench.harness.sweep.baseline.BaselineTable;
import io.migbench.harness.sweep.baseline.BaselineTableRun;
import io.migbench.harness.sweep.baseline.Baselines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One trial of a reference tool (psql-pipe, pgcopydb, pg_dump-restore, freebcp-out, pgloader) on the platform's databases. */
final class BaselineTrial {
    /** Generous: a baseline that runs longer than this is stuck, not slow. */
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private BaselineTrial() {}

    static BaselineContext context(Scenario scenario, PlatformDatabases dbs, Dataset dataset, EngineSettings s, Path workDir) {
        // a generator's tables live in the source's default schema
        String schema = scenario.source() == SourceEngine.SQLSERVER ? "dbo" : "public";
        List<BaselineTable> tables = dataset.expectedRows(scenario.dataset().scale()).entrySet().stream()
                .map(e -> new BaselineTable(new TableName(schema, e.getKey()), e.getValue()))
                .toList();
        return new BaselineContext(
                new ConnectionSpec(dbs.sourceUrl(), dbs.source().user(), dbs.source().password()),
                new ConnectionSpec(dbs.targetUrl(), dbs.target().user(), dbs.target().password()),
                tables, s.tasks(), s.copyFormat(), workDir, TIMEOUT);
    }

    static Optional<String> unavailableReason(EngineSettings s, BaselineContext ctx) {
        return Baselines.of(s.engine()).unavailableReason(ctx);
    }

    static TrialOutcome run(TrialContext ctx, BaselineContext baseline, EngineSettings settings, TrialSlot slot)
            throws BaselineException {
        BaselineRun r = Baselines.of(settings.engine()).run(baseline);
        List<BaselineTableRun> mismatches = r.mismatches();
        TrialRecord.Builder row = ctx.newRecord(settings, slot)
                .rows(r.targetRows())
                .bytes(r.bytes())
                .phases(r.schemaSeconds(), r.copySeconds(), r.indexSeconds(), r.verifySeconds(), r.totalSeconds())
                .sourceRows(r.sourceRows())
                .targetRows(r.targetRows())
                .validation(ValidationMode.COUNT, mismatches.isEmpty() ? ValidationResult.PASSED : ValidationResult.FAILED);
        if (!mismatches.isEmpty()) {
            row.failed("row counts differ: " + mismatches.stream()
                    .map(m -> m.table() + " expected " + m.sourceRows() + ", found " + m.targetRows())
                    .collect(Collectors.joining("; ")));
        }
        TrialRecord record = row.build();
        List<TableRecord> tables = r.tables().stream()
                .map(t -> TableRecord.of(record, t.table().schema(), t.table().name(), t.targetRows(), null, t.seconds(),
                        t.slices(), t.sourceRows(), t.targetRows(), ValidationResult.SKIPPED))
                .toList();
        return new TrialOutcome(record, tables);
    }
}
