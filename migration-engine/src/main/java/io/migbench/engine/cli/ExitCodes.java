package io.migbench.engine.cli;

import io.migbench.engine.ConfigurationException;
import picocli.CommandLine;

/** The exit-code contract of {@code migrate} and every {@code migbench} command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A migration, verification or trial failed, or anything else went wrong while running. */
    public static final int FAILED = 1;
    /** Bad usage or configuration: nothing was started. */
    public static final int USAGE = 2;

    private ExitCodes() {}

    /** USAGE for a configuration error or a command line picocli could not parse, FAILED for anything else. */
    public static int forException(Throwable t) {
        return t instanceof ConfigurationException || t instanceof CommandLine.ParameterException ? USAGE : FAILED;
    }
}
