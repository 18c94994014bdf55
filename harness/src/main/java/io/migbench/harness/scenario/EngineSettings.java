package io.migbench.harness.scenario;

import io.migbench.harness.model.Knob;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.Checks;
import io.migbench.harness.config.YamlEnum;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of the matrix: which engine, with which settings. What a sweep measures, the tuner varies
 * and a settings profile recommends. {@code auto} counts are left to the engine.
 *
 * @param engine      the engine that runs the copy
 * @param tasks       concurrent copy tasks (≥ 1)
 * @param partitions  key ranges per big table, or auto
 * @param copyFormat  binary or text COPY
 * @param split       how big tables are split
 * @param unlogged    create target tables UNLOGGED and switch them to LOGGED after the load
 * @param indexTasks  indexes built concurrently after the data, or auto
 * @param workers     separate copy-worker JVMs, each with {@code tasks} threads, between a plan and a finalize;
 *                    auto: the one-process run inside the harness
 */
public record EngineSettings(
        EngineKind engine,
        int tasks,
        CountOrAuto partitions,
        CopyFormat copyFormat,
        SplitMode split,
        boolean unlogged,
        CountOrAuto indexTasks,
        CountOrAuto workers) {

    public EngineSettings {
        Checks c = new Checks()
                .require(engine, "engine")
                .atLeast(tasks, 1, "tasks")
                .require(partitions, "partitions")
                .require(copyFormat, "copy_format")
                .require(split, "split")
                .require(indexTasks, "index_tasks")
                .require(workers, "workers");
        positiveOrAuto(c, partitions, "partitions");
        positiveOrAuto(c, indexTasks, "index_tasks");
        positiveOrAuto(c, workers, "workers");
        c.throwIfAny();
    }

    static void positiveOrAuto(Checks c, CountOrAuto count, String field) {
        if (count != null && !count.isAuto()) {
            c.atLeast(count.value(), 1, field);
        }
    }

    /** The engine's defaults with the given task count. */
    public static EngineSettings defaults(EngineKind engine, int tasks) {
        return new EngineSettings(engine, tasks, CountOrAuto.AUTO, CopyFormat.BINARY,
                SplitMode.AUTO, false, CountOrAuto.AUTO, CountOrAuto.AUTO);
    }

    public EngineSettings withTasks(int t) {
        return new EngineSettings(engine, t, partitions, copyFormat, split, unlogged, indexTasks, workers);
    }

    public EngineSettings withPartitions(CountOrAuto p) {
        return new EngineSettings(engine, tasks, p, copyFormat, split, unlogged, indexTasks, workers);
    }

    public EngineSettings withCopyFormat(CopyFormat f) {
        return new EngineSettings(engine, tasks, partitions, f, split, unlogged, indexTasks, workers);
    }

    public EngineSettings withSplit(SplitMode s) {
        return new EngineSettings(engine, tasks, partitions, copyFormat, s, unlogged, indexTasks, workers);
    }

    public EngineSettings withUnlogged(boolean u) {
        return new EngineSettings(engine, tasks, partitions, copyFormat, split, u, indexTasks, workers);
    }

    public EngineSettings withIndexTasks(CountOrAuto i) {
        return new EngineSettings(engine, tasks, partitions, copyFormat, split, unlogged, i, workers);
    }

    public EngineSettings withWorkers(CountOrAuto w) {
        return new EngineSettings(engine, tasks, partitions, copyFormat, split, unlogged, indexTasks, w);
    }

    /** The same point with the knobs its engine ignores set to their defaults, so such points compare equal. */
    public EngineSettings normalized() {
        EngineSettings d = defaults(engine, tasks);
        return new EngineSettings(engine, tasks,
                engine.honours(Knob.PARTITIONS) ? partitions : d.partitions,
                engine.honours(Knob.COPY_FORMAT) ? copyFormat : d.copyFormat,
                engine.honours(Knob.SPLIT) ? split : d.split,
                engine.honours(Knob.UNLOGGED) ? unlogged : d.unlogged,
                engine.honours(Knob.INDEX_TASKS) ? indexTasks : d.indexTasks,
                engine.honours(Knob.WORKERS) ? workers : d.workers);
    }

    /**
     * A short, stable label: the engine, {@code t<tasks>}, then only the settings that differ from the
     * defaults, e.g. {@code migbench t8}, {@code migbench t16 p=36 unlogged}, {@code psql-pipe t4 text},
     * {@code migbench t2 w=2} (two worker processes of two tasks each).
     * {@link #fromLabel} reads it back.
     */
    public String label() {
        StringBuilder b = new StringBuilder(engine.yamlName()).append(" t").append(tasks);
        if (!partitions.isAuto()) {
            b.append(" p=").append(partitions);
        }
        if (copyFormat != CopyFormat.BINARY) {
            b.append(' ').append(copyFormat.yamlName());
        }
        if (split != SplitMode.AUTO) {
            b.append(" split=").append(split.yamlName());
        }
        if (unlogged) {
            b.append(" unlogged");
        }
        if (!indexTasks.isAuto()) {
            b.append(" idx=").append(indexTasks);
        }
        if (!workers.isAuto()) {
            b.append(" w=").append(workers);
        }
        return b.toString();
    }

    public static EngineSettings fromLabel(String label) {
        String[] tokens = label.strip().split("\\s+");
        if (tokens.length < 2 || !tokens[1].matches("t\\d+")) {
            throw new IllegalArgumentException("not an engine settings label: \"" + label + "\"");
        }
        EngineKind engine = YamlEnum.parse(EngineKind.class, tokens[0])
                .orElseThrow(() -> new IllegalArgumentException("unknown engine in label \"" + label + "\""));
        EngineSettings s = defaults(engine, Integer.parseInt(tokens[1].substring(1)));
        for (int i = 2; i < tokens.length; i++) {
            String t = tokens[i];
            String value = t.substring(t.indexOf('=') + 1);
            if (t.startsWith("p=")) {
                s = s.withPartitions(CountOrAuto.parse(value));
            } else if (t.startsWith("split=")) {
                s = s.withSplit(YamlEnum.parse(SplitMode.class, value)
                        .orElseThrow(() -> new IllegalArgumentException("unknown split in label \"" + label + "\"")));
            } else if (t.startsWith("idx=")) {
                s = s.withIndexTasks(CountOrAuto.parse(value));
            } else if (t.startsWith("w=")) {
                s = s.withWorkers(CountOrAuto.parse(value));
            } else if (t.equals("unlogged")) {
                s = s.withUnlogged(true);
            } else if (t.equals(CopyFormat.TEXT.yamlName())) {
                s = s.withCopyFormat(CopyFormat.TEXT);
            } else {
                throw new IllegalArgumentException("unknown token \"" + t + "\" in label \"" + label + "\"");
            }
        }
        return s;
    }

    /** One value per CSV column, keyed by the YAML/CSV names ({@code engine}, {@code tasks}, …). */
    public Map<String, String> asColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("engine", engine.yamlName());
        m.put(Knob.TASKS.yamlName(), Integer.toString(tasks));
        m.put(Knob.PARTITIONS.yamlName(), partitions.toString());
        m.put(Knob.COPY_FORMAT.yamlName(), copyFormat.yamlName());
        m.put(Knob.SPLIT.yamlName(), split.yamlName());
        m.put(Knob.UNLOGGED.yamlName(), Boolean.toString(unlogged));
        m.put(Knob.INDEX_TASKS.yamlName(), indexTasks.toString());
        m.put(Knob.WORKERS.yamlName(), workers.toString());
        return m;
    }

    @Override
    public String toString() {
        return label();
    }
}
