package io.migbench.harness.scenario;

import io.migbench.engine.ConfigurationException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a user changes for one run without editing the scenario file ({@code --trials}, {@code --warmup},
 * {@code --tasks}, {@code --order}): applied to the loaded scenario, so the run folder's scenario.yaml records what really ran.
 * A null field keeps the file's value.
 */
public record ScenarioOverrides(Integer trials, Integer warmup, List<Integer> tasks, TrialOrder.Mode order) {
    public static final ScenarioOverrides NONE = new ScenarioOverrides(null, null, null, null);

    public ScenarioOverrides(Integer trials, Integer warmup, List<Integer> tasks) {
        this(trials, warmup, tasks, null);
    }

    public ScenarioOverrides {
        if (trials != null && trials < 1) {
            throw new ConfigurationException("--trials", "--trials: must be at least 1, got " + trials);
        }
        if (warmup != null && warmup < 0) {
            throw new ConfigurationException("--warmup", "--warmup: must be at least 0, got " + warmup);
        }
        if (tasks != null) {
            if (tasks.isEmpty() || tasks.stream().anyMatch(t -> t == null || t < 1) || tasks.stream().distinct().count() != tasks.size()) {
                throw new ConfigurationException("--tasks", "--tasks: expected distinct task counts of at least 1, e.g. 1,2,4; got "
                        + tasks);
            }
            tasks = List.copyOf(tasks);
        }
    }

    public boolean isEmpty() {
        return trials == null && warmup == null && tasks == null && order == null;
    }

    /** These overrides with the measured trials' order set ({@code sweep --order}). */
    public ScenarioOverrides withOrder(TrialOrder.Mode mode) {
        return new ScenarioOverrides(trials, warmup, tasks, mode);
    }

    /** The scenario with these overrides applied. */
    public Scenario applyTo(Scenario s) {
        Scenario out = s;
        if (trials != null || warmup != null) {
            out = out.withTrials(trials != null ? trials : s.trials(), warmup != null ? warmup : s.warmupTrials());
        }
        if (tasks != null) {
            EngineSettings baseline = s.baseline();
            if (baseline != null && !tasks.contains(baseline.tasks())) {
                // dropping the baseline silently would lose the report's before/after; say what to add instead
                throw new ConfigurationException("--tasks", "--tasks " + text(tasks) + " leaves out the baseline of scenario "
                        + s.name() + " (" + baseline.label() + "); add " + baseline.tasks());
            }
            out = out.withMatrix(out.matrix().withTasks(tasks));
        }
        if (order != null) {
            out = out.withTrialOrder(out.trialOrder().withMode(order));
        }
        return out;
    }

    private static String text(List<Integer> tasks) {
        return tasks.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
