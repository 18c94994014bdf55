package io.migbench.harness.scenario;

import io.migbench.harness.model.ByteSizes;
import io.migbench.harness.model.Knob;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.YamlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario back as YAML in the file format, every default made explicit, so a results folder
 * records exactly what ran ({@code scenario.yaml}). Only names of password variables are ever written.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {}

    public static String toYaml(Scenario s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("dataset", dataset(s.dataset()));
        root.put("source", s.compareSource() == null ? map("engine", s.source().yamlName())
                : map("engine", s.source().yamlName(), "compare_with", s.compareSource().yamlName()));
        root.put("backend", backend(s.backend()));
        List<Object> profiles = new ArrayList<>();
        for (PlatformProfile p : s.profiles()) {
            profiles.add(map("name", p.name(), "description", p.description(),
                    "source", instance(p.source()), "target", instance(p.target())));
        }
        root.put("profiles", profiles);
        root.put("matrix", matrix(s.matrix()));
        root.put("engines", s.engines().stream().map(EngineKind::yamlName).toList());
        root.put("trials", s.trials());
        root.put("warmup_trials", s.warmupTrials());
        root.put("verify", s.verify().yamlName());
        root.put("trial_order", s.trialOrder().mode().yamlName());
        root.put("order_seed", s.trialOrder().seed());
        root.put("baseline", engineSettings(s.baseline()));
        Map<String, Object> tune = map("max_tasks", count(s.tune().maxTasks()));
        if (s.tune().budget() != null) {
            tune.put("budget", Durations.format(s.tune().budget()));
        }
        root.put("tune", tune);
        return YamlWriter.write(root);
    }

    public static void write(Scenario s, Path file) {
        try {
            Files.writeString(file, toYaml(s), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scenario to " + file, e);
        }
    }

    /** The settings block of one engine setting, in the keys the files use. */
    static Map<String, Object> engineSettings(EngineSettings e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", e.engine().yamlName());
        m.put(Knob.TASKS.yamlName(), e.tasks());
        m.put(Knob.PARTITIONS.yamlName(), count(e.partitions()));
        m.put(Knob.COPY_FORMAT.yamlName(), e.copyFormat().yamlName());
        m.put(Knob.SPLIT.yamlName(), e.split().yamlName());
        m.put(Knob.UNLOGGED.yamlName(), e.unlogged());
        m.put(Knob.INDEX_TASKS.yamlName(), count(e.indexTasks()));
        m.put(Knob.WORKERS.yamlName(), count(e.workers()));
        return m;
    }

    private static Map<String, Object> backend(BackendSpec b) {
        Map<String, Object> m = map("type", b.type().yamlName());
        putIfPresent(m, "postgres_version", b.postgresVersion());
        if (!b.images().isEmpty()) {
            m.put("images", b.images());
        }
        putIfPresent(m, "platform", b.platform());
        if (b.source() != null) {
            m.put("source", endpoint(b.source()));
        }
        if (b.target() != null) {
            m.put("target", endpoint(b.target()));
        }
        return m;
    }

    private static Map<String, Object> dataset(DatasetSpec d) {
        Map<String, Object> m = map("name", d.name(), "scale", d.scale(), "seed", d.seed());
        if (d.existing()) {
            m.put("schema", d.schemas());
            m.put("tables", d.tables());
            m.put("exclude", d.exclude());
        } else {
            m.put("load_into_external", d.loadIntoExternal());
        }
        if (d.sample().isPartial()) {
            Map<String, Object> sample = map("fraction", d.sample().fraction());
            putIfPresent(sample, "largest_tables", d.sample().largestTables());
            m.put("sample", sample);
        }
        return m;
    }

    private static Map<String, Object> endpoint(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "type", e.type() == null ? null : e.type().yamlName());
        putIfPresent(m, "url", e.url());
        putIfPresent(m, "user", e.user());
        putIfPresent(m, "password_env", e.passwordEnv());
        if (e.url() != null) {
            m.put("apply_settings", e.applySettings().yamlName());
        }
        if (e.overwrite()) {
            m.put("overwrite", true);
        }
        return m;
    }

    private static Map<String, Object> instance(InstanceProfile i) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "cpus", i.cpus());
        putIfPresent(m, "cpuset", i.cpuset());
        m.put("memory", ByteSizes.format(i.memoryBytes()));
        m.put("read_bytes_per_second", ByteSizes.formatRate(i.readBytesPerSecond()));
        m.put("write_bytes_per_second", ByteSizes.formatRate(i.writeBytesPerSecond()));
        m.put("settings", i.settings());
        return m;
    }

    private static Map<String, Object> matrix(Matrix x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Knob.TASKS.yamlName(), x.tasks());
        m.put(Knob.PARTITIONS.yamlName(), x.partitions().stream().map(ScenarioWriter::count).toList());
        m.put(Knob.COPY_FORMAT.yamlName(), x.copyFormat().stream().map(CopyFormat::yamlName).toList());
        m.put(Knob.SPLIT.yamlName(), x.split().stream().map(SplitMode::yamlName).toList());
        m.put(Knob.UNLOGGED.yamlName(), x.unlogged());
        m.put(Knob.INDEX_TASKS.yamlName(), x.indexTasks().stream().map(ScenarioWriter::count).toList());
        m.put(Knob.WORKERS.yamlName(), x.workers().stream().map(ScenarioWriter::count).toList());
        return m;
    }

    /** Numbers stay numbers, {@code auto} stays a word. */
    private static Object count(CountOrAuto c) {
        return c.isAuto() ? "auto" : c.value();
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
