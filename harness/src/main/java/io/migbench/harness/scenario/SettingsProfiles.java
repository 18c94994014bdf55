package io.migbench.harness.scenario;

import io.migbench.harness.scenario.config.Fields;
import io.migbench.harness.scenario.config.Problems;
import io.migbench.harness.scenario.config.YamlNode;
import io.migbench.harness.scenario.config.YamlTreeReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.migbench.harness.scenario.Values.or;

/**
 * The settings-profile file format ({@code tuned.yaml}), both directions, validated like scenarios:
 * <pre>
 * settings_profile: 1
 * scenario: stackoverflow
 * created: 2025-01-31T10:00:00Z
 * platforms:
 *   constrained:
 *     engine_settings: {engine: migbench, tasks: 8, partitions: auto, pool_size: auto, copy_format: binary,
 *                       split: auto, unlogged: false, index_tasks: auto}
 *     target_settings: {synchronous_commit: "off"}
 *     evidence: {median_rows_per_second: 250000, ci95_low: 240000, ci95_high: 260000, trials: 3, note: ""}
 * </pre>
 */
public final class SettingsProfiles {
    private SettingsProfiles() {}

    public static SettingsProfile load(Path file) {
        return parse(ConfigFiles.read(file), file.toString());
    }

    public static SettingsProfile parse(String yaml, String fileName) {
        Problems problems = new Problems(fileName);
        YamlNode root = YamlTreeReader.read(yaml, problems);
        problems.throwIfAny();
        Fields f = Fields.root(root, problems);
        Integer version = f.integer("settings_profile");
        if (version == null && !f.has("settings_profile")) {
            f.problem("settings_profile", "is required (format version " + SettingsProfile.FORMAT_VERSION
                    + "); is this a settings profile written by migbench tune?");
        } else if (version != null && version != SettingsProfile.FORMAT_VERSION) {
            f.problem("settings_profile", "format version " + version + " is not supported; this migbench reads version "
                    + SettingsProfile.FORMAT_VERSION);
        }
        String scenario = f.string("scenario");
        String created = f.parsed("created", v -> v);
        Fields platformsFields = f.section("platforms");
        Map<String, SettingsProfile.PlatformSettings> platforms = new LinkedHashMap<>();
        for (String name : platformsFields.keys()) {
            platforms.put(name, platform(platformsFields.section(name)));
        }
        f.rejectUnknownKeys();
        SettingsProfile profile = f.build(() -> new SettingsProfile(scenario, created, platforms));
        problems.throwIfAny();
        return profile;
    }

    public static String toYaml(SettingsProfile profile) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("settings_profile", SettingsProfile.FORMAT_VERSION);
        if (profile.scenario() != null) {
            root.put("scenario", profile.scenario());
        }
        if (profile.created() != null) {
            root.put("created", profile.created());
        }
        Map<String, Object> platforms = new LinkedHashMap<>();
        profile.platforms().forEach((name, p) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine_settings", ScenarioWriter.engineSettings(p.settings()));
            m.put("target_settings", p.targetSettings());
            if (p.evidence() != null) {
                SettingsProfile.Evidence e = p.evidence();
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("median_rows_per_second", e.medianRowsPerSecond());
                ev.put("ci95_low", e.ci95Low());
                ev.put("ci95_high", e.ci95High());
                ev.put("trials", e.trials());
                ev.put("note", e.note());
                m.put("evidence", ev);
            }
            platforms.put(name, m);
        });
        root.put("platforms", platforms);
        return ScenarioWriter.dump(root);
    }

    public static void write(SettingsProfile profile, Path file) {
        try {
            Files.writeString(file, toYaml(profile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write settings profile to " + file, e);
        }
    }

    private static SettingsProfile.PlatformSettings platform(Fields f) {
        Fields es = f.section("engine_settings");
        if (!es.has(Knob.TASKS.yamlName())) {
            es.problem(Knob.TASKS.yamlName(), "is required");
        }
        EngineSettings settings = Values.engineSettings(es, EngineSettings.defaults(EngineKind.MIGBENCH, 1));
        es.rejectUnknownKeys();
        Map<String, String> target = f.stringMap("target_settings");
        SettingsProfile.Evidence evidence = f.has("evidence") ? evidence(f.section("evidence")) : null;
        f.rejectUnknownKeys();
        return f.build(() -> new SettingsProfile.PlatformSettings(settings, target, evidence));
    }

    private static SettingsProfile.Evidence evidence(Fields f) {
        for (String required : new String[] {"median_rows_per_second", "trials"}) {
            if (!f.has(required)) {
                f.problem(required, "is required");
            }
        }
        Double median = f.number("median_rows_per_second");
        Double low = f.number("ci95_low");
        Double high = f.number("ci95_high");
        Integer trials = f.integer("trials");
        String note = f.string("note");
        f.rejectUnknownKeys();
        return f.build(() -> new SettingsProfile.Evidence(or(median, 0.0), or(low, or(median, 0.0)),
                or(high, or(median, 0.0)), or(trials, 1), note));
    }
}
