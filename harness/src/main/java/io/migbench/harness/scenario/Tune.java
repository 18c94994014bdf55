package io.migbench.harness.scenario;

import io.migbench.harness.config.Checks;

import java.time.Duration;

/**
 * Limits of {@code migbench tune}.
 *
 * @param maxTasks the largest task count the coarse pass tries; auto derives it from the machine
 * @param budget   wall-clock budget per run; {@code null} = until the search converges
 */
public record Tune(CountOrAuto maxTasks, Duration budget) {
    public static final Tune DEFAULT = new Tune(CountOrAuto.AUTO, null);

    public Tune {
        maxTasks = maxTasks == null ? CountOrAuto.AUTO : maxTasks;
        Checks c = new Checks();
        EngineSettings.positiveOrAuto(c, maxTasks, "max_tasks");
        c.check(budget == null || !budget.isZero() && !budget.isNegative(), "budget", "must be > 0, got " + budget);
        c.throwIfAny();
    }
}
