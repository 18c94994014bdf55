package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import picocli.CommandLine;

/**
 * Prints one clear line per failure (no stack trace unless {@code --debug} or MIGBENCH_DEBUG is set)
 * and maps it to the exit-code contract.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean debug = System.getenv("MIGBENCH_DEBUG") != null || hasDebugFlag(parsed);
        if (debug) {
            ex.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("migbench: " + describe(ex));
        }
        return ExitCodes.forException(ex);
    }

    private static boolean hasDebugFlag(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
