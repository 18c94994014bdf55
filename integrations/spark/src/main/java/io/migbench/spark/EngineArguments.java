package io.migbench.spark;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.EngineOption;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code migrate} arguments the user gave after {@code --}: the same for every phase, so workers match the plan's
 * invocation, except the copy-only {@code --lease}, which goes to the copy workers alone. The job sets
 * {@code --phase} and {@code --worker-id} itself (a worker id typed once would be every task's).
 */
public final class EngineArguments implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SET_BY_THE_JOB = Set.of(EngineOption.PHASE.flag(), EngineOption.WORKER_ID.flag());
    private static final Set<String> COPY_ONLY = Set.of(EngineOption.LEASE.flag());

    private final List<String> shared = new ArrayList<>();
    private final List<String> copyOnly = new ArrayList<>();

    public EngineArguments(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (SET_BY_THE_JOB.contains(name)) {
                throw new ConfigurationException(name, name + " is set by the Spark job for each phase and task;"
                        + " leave it out of the migrate arguments (--steps chooses the phases)");
            }
            if (name.equals(EngineOption.HOLD_SNAPSHOT.flag())) {
                // the plan would hold its snapshot open in the driver until finalize, which the driver never reaches
                throw new ConfigurationException(name, "--hold-snapshot keeps the plan running until finalize starts:"
                        + " run 'migbench migrate --phase plan --hold-snapshot' outside the job, then submit it with"
                        + " --steps copy,finalize");
            }
            List<String> into = COPY_ONLY.contains(name) ? copyOnly : shared;
            into.add(argument);
            if (COPY_ONLY.contains(argument) && i + 1 < arguments.size()) {
                into.add(arguments.get(++i));
            }
        }
    }

    /** {@code --phase <step> <arguments>}: plan or finalize, as the driver runs them. */
    public String[] forPhase(Step step) {
        return join(List.of("--phase", step.phase()), shared, List.of());
    }

    /** {@code --phase copy --worker-id <id> <arguments>}: one copy worker. */
    public String[] forCopyWorker(String workerId) {
        return join(List.of("--phase", Step.COPY.phase(), "--worker-id", workerId), shared, copyOnly);
    }

    private static String[] join(List<String> leading, List<String> middle, List<String> trailing) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(middle);
        all.addAll(trailing);
        return all.toArray(String[]::new);
    }
}
