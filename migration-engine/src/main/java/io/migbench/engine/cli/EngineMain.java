package io.migbench.engine.cli;

import picocli.CommandLine;

/**
 * The engine jar's own entry point ({@code java -cp migration-engine.jar:... io.migbench.engine.cli.EngineMain
 * --source ... --target ...}): the {@code migrate} command alone, with the same exit codes as {@code migbench migrate}.
 */
public final class EngineMain {
    private EngineMain() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command and returns its exit code (0 ok, 1 failed, 2 usage/configuration). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: exit-code mapping and one-line error reports. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MigrateCommand());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (parsed.hasMatchedOption("--debug")) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("migrate: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            }
            return ExitCodes.forException(ex);
        });
        // one line, like every other error; the full usage is one --help away
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("migrate: " + ex.getMessage() + " (see 'migrate --help')");
            return ExitCodes.USAGE;
        });
        return cli;
    }
}
