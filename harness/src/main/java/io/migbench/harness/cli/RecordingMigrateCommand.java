package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.RunPhase;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.cli.MigrateCommand;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.service.RecordService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The engine's {@code migrate}, plus {@code --record DIR}: the migration becomes a trial row of a results folder. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Migrate a database into PostgreSQL (the engine's migrate command; --record appends it to a results folder).",
        footer = {"", "Settings from the tuner: --settings tuned.yaml [--platform NAME] turn a platform's recommendation"
                + " into --tasks, --partitions and --copy-format (options given explicitly win); --platform names the"
                + " platform when the file has several.", "", MigrateCommand.PHASES})
public class RecordingMigrateCommand extends MigrateCommand {
    @Option(names = "--record", paramLabel = "DIR",
            description = "Append this migration to DIR's trials.csv and tables.csv (created if needed), so report and compare show it.")
    Path record;

    @Override
    protected MigrationOptions options() {
        MigrationOptions options = super.options();
        if (record != null && options.phase() != RunPhase.ALL) {
            throw new ConfigurationException("--record", "--record records a whole migration: it applies to the"
                    + " one-process run (no --phase)");
        }
        return options;
    }

    @Override
    protected void migrated(MigrationOptions options, MigrationResult result) {
        if (record == null) {
            return;
        }
        try {
            TrialRecord row = RecordService.append(record, options, result);
            System.err.println("migrate: recorded as run " + row.runId() + " in " + record);
        } catch (IOException e) {
            throw new UncheckedIOException("--record " + record + ": " + e.getMessage(), e);
        }
    }
}
