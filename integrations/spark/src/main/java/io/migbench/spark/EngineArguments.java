package io.migbench.spark;

import io.migbench.engine.ConfigurationException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code migrate} arguments the user gave after {@code --}, shared by every phase. The job adds {@code --phase} and
 * {@code --worker-id} itself, so the user may not: a worker id typed once would be the same for every task.
 */
public final class EngineArguments implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SET_BY_THE_JOB = Set.of("--phase", "--worker-id");

    private final List<String> arguments;

    public EngineArguments(List<String> arguments) {
        for (String argument : arguments) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (SET_BY_THE_JOB.contains(name)) {
                throw new ConfigurationException(name, name + " is set by the Spark job for each phase and task;"
                        + " leave it out of the migrate arguments (use --steps to choose phases)");
            }
        }
        this.arguments = List.copyOf(arguments);
    }

    /** {@code --phase <step> <arguments>}: plan or finalize, as the driver runs them. */
    public String[] forPhase(Step step) {
        return with(List.of("--phase", step.phase()));
    }

    /** {@code --phase copy --worker-id <id> <arguments>}: one copy worker. */
    public String[] forCopyWorker(String workerId) {
        return with(List.of("--phase", Step.COPY.phase(), "--worker-id", workerId));
    }

    private String[] with(List<String> leading) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(arguments);
        return all.toArray(String[]::new);
    }
}
