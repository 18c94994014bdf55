package io.migbench.harness.scenario;

import io.migbench.harness.model.Knob;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.Fields;
import io.migbench.harness.config.YamlNode;

/** Readers for the scenario-specific value types, shared by the scenario and settings-profile loaders. */
final class Values {
    private Values() {}

    /** {@code auto} or an integer. */
    static CountOrAuto count(Fields f, YamlNode n, String path) {
        if (n instanceof YamlNode.Scalar s && (s.value() instanceof String || s.value() instanceof Long)) {
            return f.asParsed(n, path, CountOrAuto::parse);
        }
        f.problems().add(n.line(), path, "expected an integer or auto, got " + n.describe());
        return null;
    }

    static CountOrAuto count(Fields f, String key) {
        YamlNode n = f.node(key);
        return n == null ? null : count(f, n, f.pathOf(key));
    }

    /**
     * Engine settings from a map with the matrix's keys (engine, tasks, partitions, copy_format,
     * split, unlogged, index_tasks, workers); absent keys take their value from {@code defaults}.
     */
    static EngineSettings engineSettings(Fields f, EngineSettings defaults) {
        EngineKind engine = f.choice("engine", EngineKind.class);
        Integer tasks = f.integer(Knob.TASKS.yamlName());
        CountOrAuto partitions = count(f, Knob.PARTITIONS.yamlName());
        CopyFormat format = f.choice(Knob.COPY_FORMAT.yamlName(), CopyFormat.class);
        SplitMode split = f.choice(Knob.SPLIT.yamlName(), SplitMode.class);
        Boolean unlogged = f.bool(Knob.UNLOGGED.yamlName());
        CountOrAuto indexTasks = count(f, Knob.INDEX_TASKS.yamlName());
        CountOrAuto workers = count(f, Knob.WORKERS.yamlName());
        return f.build(() -> new EngineSettings(
                or(engine, defaults.engine()),
                or(tasks, defaults.tasks()),
                or(partitions, defaults.partitions()),
                or(format, defaults.copyFormat()),
                or(split, defaults.split()),
                or(unlogged, defaults.unlogged()),
                or(indexTasks, defaults.indexTasks()),
                or(workers, defaults.workers())));
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
