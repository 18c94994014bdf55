package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code migbench} command line: the only layer that may end the JVM with an exit code.
 * Exit codes: 0 success, 1 a failed migration/verification/trial, 2 bad usage or configuration.
 */
@Command(
        name = "migbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmark and tune database migrations into PostgreSQL.",
        footer = {"", "migrate also accepts --settings tuned.yaml [--platform NAME]: the tuner's recommendation "
                + "becomes --tasks/--partitions/--copy-format (explicit options win); migrate --phase plan|copy|finalize "
                + "splits a migration over processes and hosts.",
                "Exit codes: 0 success, 1 a failed migration, verification or trial, 2 bad usage or configuration."},
        subcommands = {
                CommandLine.HelpCommand.class,
                SweepCommand.class,
                TuneCommand.class,
                RecordingMigrateCommand.class,
                ReportCommand.class,
                CompareCommand.class,
        })
public final class MigbenchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code: what {@link #main} does, without ending the JVM. */
    public static int execute(String... args) {
        return execute(newCommandLine(), args);
    }

    /** Runs {@code args} on {@code cli} (whose output streams a test may have replaced). */
    public static int execute(CommandLine cli, String... args) {
        String[] expanded;
        try {
            expanded = SettingsArguments.expand(args);
            SettingsArguments.unappliedTargetSettings(args).ifPresent(note -> cli.getErr().println("migbench: " + note));
        } catch (ConfigurationException e) {
            cli.getErr().println("migbench: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return cli.execute(expanded);
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new MigbenchCli());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        // one line, like every other error; the full usage is one --help away
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("migbench: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
