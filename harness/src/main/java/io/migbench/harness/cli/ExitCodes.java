package io.migbench.harness.cli;

/** The exit-code contract of every migbench command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A migration, verification or trial failed. */
    public static final int FAILED = 1;
    /** Bad usage or configuration: nothing was started. */
    public static final int USAGE = 2;

    private ExitCodes() {}

    static int forException(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof picocli.CommandLine.ParameterException ? USAGE : FAILED;
    }
}
