package io.migbench.harness.sweep;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.EnvironmentFacts;
import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.ValidationMode;
import io.migbench.harness.scenario.CopyFormat;
import io.migbench.harness.scenario.CountOrAuto;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.SplitMode;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A one-off {@code migbench migrate} appended to a results folder as a trial row (and its table rows), so real
 * migrations appear in {@code report} and {@code compare} beside sweeps, and several of them as "Runs over time".
 */
public final class RecordedMigration {
    public static final String PLATFORM = "migrate";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'migrate-'yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RecordedMigration() {}

    /** Appends {@code result} to {@code folder}'s trials.csv and tables.csv; returns the row written. */
    public static TrialRecord append(Path folder, MigrationOptions options, MigrationResult result) throws IOException {
        Instant now = Instant.now();
        EngineSettings settings = settings(options);
        TrialRecord.Builder row = TrialRecord.builder()
                .runId(RUN_ID.format(now))
                .timestamp(now)
                .scenario("migrate")
                .platform(PLATFORM)
                .backend("external")
                .host(EnvironmentFacts.detect())
                .sourceEngine(options.sqlServerSource() ? "sqlserver" : "postgresql")
                .sourceVersion(version(options.source()))
                .targetEngine("postgresql")
                .targetVersion(version(options.target()))
                .dataset("existing")
                .scale(options.sampleFraction())
                .engine(EngineKind.MIGBENCH)
                .settingsLabel(settings.label())
                .baseline(false)
                .tasks(settings.tasks())
                .partitions(options.partitions())
                .copyFormat(settings.copyFormat().yamlName())
                .split(settings.split().yamlName())
                .knobs("unlogged=" + options.unloggedLoad() + ";index_tasks=" + options.indexTasks())
                .trial(1)
                .warmup(false);
        // a migration without verification has no validation mode (and its result is "skipped")
        ValidationMode mode = options.verify() == io.migbench.engine.VerifyMode.NONE ? null
                : ValidationMode.parse(options.verify().name().toLowerCase(Locale.ROOT));
        TrialOutcome outcome = MigbenchTrial.outcome(row, result, mode);
        try (ResultsWriter writer = ResultsWriter.open(folder)) {
            writer.writeTrial(outcome.trial());
            outcome.tables().forEach(writer::writeTable);
        }
        return outcome.trial();
    }

    /** The settings as a sweep would label them: values equal to the engine's defaults for the task count are "auto". */
    private static EngineSettings settings(MigrationOptions o) {
        return new EngineSettings(EngineKind.MIGBENCH, o.tasks(),
                o.partitions() == o.tasks() ? CountOrAuto.AUTO : CountOrAuto.of(o.partitions()),
                CopyFormat.valueOf(o.copyFormat().name()), SplitMode.valueOf(o.split().name()), o.unloggedLoad(),
                o.indexTasks() == Math.max(1, Math.min(o.tasks(), 4)) ? CountOrAuto.AUTO : CountOrAuto.of(o.indexTasks()),
                CountOrAuto.AUTO);
    }

    /** The server's version, or {@code null} when it does not answer (the row still records the failure). */
    private static String version(ConnectionSpec spec) {
        try (Connection c = DriverManager.getConnection(spec.jdbcUrl(), spec.user(), spec.password())) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return null;
        }
    }
}
