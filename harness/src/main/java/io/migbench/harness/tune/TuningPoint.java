package io.migbench.harness.tune;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.scenario.CountOrAuto;
import io.migbench.harness.scenario.EngineSettings;

/**
 * One setting the tuner measures: a task count, optionally a partition count per table and a connection pool
 * size. A {@code null} partition count means "the engine's default", a {@code null} pool size means "as many
 * connections as tasks", so {@code new TuningPoint(8, null, null)} is the plain "8 tasks" setting.
 *
 * @param tasks      concurrent copy tasks, at least 1
 * @param partitions key ranges per large table, at least 1, or {@code null} for the engine default
 * @param poolSize   connections per database, at least {@code tasks}, or {@code null} for {@code tasks}
 */
public record TuningPoint(int tasks, Integer partitions, Integer poolSize) {

    public TuningPoint {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks: must be at least 1, got " + tasks);
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("partitions: must be at least 1, got " + partitions);
        }
        // fewer connections than tasks would make tasks queue for a connection: that is fewer tasks, not a pool size
        if (poolSize != null && poolSize < tasks) {
            throw new IllegalArgumentException("pool_size: must be at least tasks (" + tasks + "), got " + poolSize);
        }
    }

    /** The plain setting: {@code tasks} tasks, engine-default partitions, one connection per task. */
    public static TuningPoint ofTasks(int tasks) {
        return new TuningPoint(tasks, null, null);
    }

    public TuningPoint withPartitions(Integer newPartitions) {
        return new TuningPoint(tasks, newPartitions, poolSize);
    }

    public TuningPoint withPoolSize(Integer newPoolSize) {
        return new TuningPoint(tasks, partitions, newPoolSize);
    }

    /** {@code base} with this point's task count and partitions (absent partitions: the engine default). */
    public EngineSettings applyTo(EngineSettings base) {
        return base.withTasks(tasks).withPartitions(partitions == null ? CountOrAuto.AUTO : CountOrAuto.of(partitions));
    }

    /** The pool size the engine will really use. */
    public int effectivePoolSize() {
        return poolSize == null ? tasks : poolSize;
    }

    /** True for a point that only sets the task count (the points of the coarse pass and the refinement). */
    public boolean isTasksOnly() {
        return partitions == null && poolSize == null;
    }

    /**
     * The point's name in the one settings-label format of trials.csv ({@link EngineSettings#label()}):
     * {@code migbench t8}, {@code migbench t8 p=16}, {@code migbench t8 p=16 pool=12}.
     */
    public String label() {
        EngineSettings s = applyTo(EngineSettings.defaults(EngineKind.MIGBENCH, tasks));
        return (poolSize == null ? s : s.withPoolSize(CountOrAuto.of(poolSize))).label();
    }

    @Override
    public String toString() {
        return label();
    }
}
