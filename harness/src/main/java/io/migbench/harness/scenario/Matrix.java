package io.migbench.harness.scenario;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.Checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine settings to measure: every combination of the listed values (a cross product).
 * Only {@code tasks} is required; the other lists default to the engine's defaults.
 */
public record Matrix(
        List<Integer> tasks,
        List<CountOrAuto> partitions,
        List<CopyFormat> copyFormat,
        List<SplitMode> split,
        List<Boolean> unlogged,
        List<CountOrAuto> indexTasks,
        List<CountOrAuto> workers) {

    public Matrix {
        Checks c = new Checks()
                .distinctNonEmpty(tasks, "tasks")
                .distinctNonEmpty(partitions, "partitions")
                .distinctNonEmpty(copyFormat, "copy_format")
                .distinctNonEmpty(split, "split")
                .distinctNonEmpty(unlogged, "unlogged")
                .distinctNonEmpty(indexTasks, "index_tasks")
                .distinctNonEmpty(workers, "workers");
        for (int i = 0; tasks != null && i < tasks.size(); i++) {
            c.atLeast(tasks.get(i), 1, "tasks[" + i + "]");
        }
        positive(c, partitions, "partitions");
        positive(c, indexTasks, "index_tasks");
        positive(c, workers, "workers");
        c.throwIfAny();
        tasks = List.copyOf(tasks);
        partitions = List.copyOf(partitions);
        copyFormat = List.copyOf(copyFormat);
        split = List.copyOf(split);
        unlogged = List.copyOf(unlogged);
        indexTasks = List.copyOf(indexTasks);
        workers = List.copyOf(workers);
    }

    private static void positive(Checks c, List<CountOrAuto> counts, String field) {
        for (int i = 0; counts != null && i < counts.size(); i++) {
            if (!counts.get(i).isAuto()) {
                c.atLeast(counts.get(i).value(), 1, field + "[" + i + "]");
            }
        }
    }

    /** A matrix varying only the task count, every other knob at its default. */
    public static Matrix ofTasks(List<Integer> tasks) {
        return new Matrix(tasks, List.of(CountOrAuto.AUTO), List.of(CopyFormat.BINARY),
                List.of(SplitMode.AUTO), List.of(false), List.of(CountOrAuto.AUTO), List.of(CountOrAuto.AUTO));
    }

    /** The same matrix with other task counts. */
    public Matrix withTasks(List<Integer> other) {
        return new Matrix(other, partitions, copyFormat, split, unlogged, indexTasks, workers);
    }

    /**
     * Every combination, engine by engine, in file order (tasks vary fastest, so a sweep's curve fills in
     * left to right). Knobs an engine ignores are normalized, so a baseline engine appears once per task count.
     */
    public List<EngineSettings> points(List<EngineKind> engines) {
        Set<EngineSettings> out = new LinkedHashSet<>();
        for (EngineKind e : engines) {
            for (CountOrAuto w : workers) {
                for (CopyFormat f : copyFormat) {
                    for (SplitMode s : split) {
                        for (Boolean u : unlogged) {
                            for (CountOrAuto idx : indexTasks) {
                                for (CountOrAuto p : partitions) {
                                    for (Integer t : tasks) {
                                        out.add(new EngineSettings(e, t, p, f, s, u, idx, w).normalized());
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
