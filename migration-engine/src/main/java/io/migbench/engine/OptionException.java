package io.migbench.engine;

/**
 * A {@link ConfigurationException} about one engine option (exit code 2): thrown before the target is changed. The message
 * starts with the option's flag; {@link #option()} and {@link #problem()} let a caller with its own names for the
 * options (a scenario file) say the same in its words.
 */
public class OptionException extends ConfigurationException {
    private final EngineOption option;
    private final String problem;

    public OptionException(EngineOption option, String problem) {
        this(option, problem, null);
    }

    public OptionException(EngineOption option, String problem, Throwable cause) {
        super(option.flag(), option.flag() + " " + problem, cause);
        this.option = option;
        this.problem = problem;
    }

    public EngineOption option() {
        return option;
    }

    public String problem() {
        return problem;
    }
}
