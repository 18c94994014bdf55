package io.migbench.harness.tune;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.scenario.CountOrAuto;
import io.migbench.harness.scenario.EngineSettings;

/**
 * One setting the tuner measures: a task count and optionally a partition count per table. A {@code null}
 * partition count means "the engine's default", so {@code new TuningPoint(8, null)} is the plain "8 tasks" setting.
 * (There is no pool size: the engine holds exactly one source and one target connection per task.)
 *
 * @param tasks      concurrent copy tasks, at least 1
 * @param partitions key ranges per large table, at least 1, or {@code null} for the engine default
 */
public record TuningPoint(int tasks, Integer partitions) {

    public TuningPoint {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks: must be at least 1, got " + tasks);
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("partitions: must be at least 1, got " + partitions);
        }
    }

    /** The plain setting: {@code tasks} tasks, engine-default partitions. */
    public static TuningPoint ofTasks(int tasks) {
        return new TuningPoint(tasks, null);
    }

    public TuningPoint withPartitions(Integer newPartitions) {
        return new TuningPoint(tasks, newPartitions);
    }

    /** {@code base} with this point's task count and partitions (absent partitions: the engine default). */
    public EngineSettings applyTo(EngineSettings base) {
        return base.withTasks(tasks).withPartitions(partitions == null ? CountOrAuto.AUTO : CountOrAuto.of(partitions));
    }

    /** True for a point that only sets the task count (the points of the coarse pass and the refinement). */
    public boolean isTasksOnly() {
        return partitions == null;
    }

    /**
     * The point's name in the one settings-label format of trials.csv ({@link EngineSettings#label()}):
     * {@code migbench t8}, {@code migbench t8 p=16}.
     */
    public String label() {
        return applyTo(EngineSettings.defaults(EngineKind.MIGBENCH, tasks)).label();
    }

    @Override
    public String toString() {
        return label();
    }
}
