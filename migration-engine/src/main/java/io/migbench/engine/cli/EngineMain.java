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
        cli.setExitCodeExceptionMapper(EngineMain::exitCode);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (parsed.hasMatchedOption("--debug")) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("migrate: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            }
            return exitCode(ex);
        });
        // one line, like every other error; the full usage is one --help away
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("migrate: " + ex.getMessage() + " (see 'migrate --help')");
            return 2;
        });
        return cli;
    }

    /** 2 for bad usage (unparsable options, invalid configuration), 1 for anything that went wrong while running. */
    static int exitCode(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof CommandLine.ParameterException ? 2 : 1;
    }
}
