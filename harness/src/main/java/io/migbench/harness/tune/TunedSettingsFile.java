package io.migbench.harness.tune;

import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.ConfigFiles;
import io.migbench.harness.config.Fields;
import io.migbench.harness.config.Problems;
import io.migbench.harness.config.YamlWriter;
import io.migbench.harness.scenario.CopyFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads and writes {@code tuned.yaml}, the recommended settings per platform that {@code migbench tune} writes
 * and {@code sweep --settings} reads; the only settings file format. Layout (version 1):
 * <pre>
 * version: 1
 * platforms:
 *   wsl2:                      # platform profile name
 *     tasks: 8
 *     partitions: 16           # optional: engine default when absent
 *     copy_format: binary      # optional: engine default when absent
 *     target_settings:         # optional: PostgreSQL settings of the target, name: value
 *       synchronous_commit: "off"
 *     provenance:
 *       tuned_at: 2025-01-01T10:00:00Z
 *       host: laptop
 *       scenario: scenarios/stackoverflow.yaml
 *       verdict: not distinguishable    # distinguishable | not distinguishable | insufficient data
 *       best: {settings: "migbench t8 p=16", median_rows_per_second: 216541.2,
 *              ci_low: 196042.0, ci_high: 231870.3, trials: 3}   # ci_low/ci_high absent for one trial
 *       runner_up: {...}                # optional, same fields as best
 *       trials: 37
 *       elapsed_seconds: 1110
 *       budget_exhausted: false
 * </pre>
 * Read like a scenario (config {@link Fields}): every problem of the file, unknown keys included, is reported at
 * once as {@code file:line: key: message}. Written by {@link YamlWriter}, as the report's recommended settings are.
 */
public final class TunedSettingsFile {
    /** The layout version this class writes and reads. */
    public static final int VERSION = 1;

    private static final String HEADER = "# Settings recommended by `migbench tune`, per platform profile.\n"
            + "# Use them with `migbench migrate --settings <this file> --platform <name>` or `migbench sweep --settings <this file>`.\n"
            + "# The provenance says how sure the tuner was: \"not distinguishable\" means the runner-up was as good\n"
            + "# as the measurements could tell.\n";

    private TunedSettingsFile() {
    }

    /** Writes {@code recommendations} to {@code file} (replacing it), one block per platform, in list order. */
    public static void write(Path file, List<PlatformRecommendation> recommendations) {
        try {
            Files.writeString(file, toYaml(recommendations), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tuned settings to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's text: what {@link #write} writes and {@link #read} reads, e.g. for a report to show. */
    public static String toYaml(List<PlatformRecommendation> recommendations) {
        Map<String, Object> platforms = new LinkedHashMap<>();
        for (PlatformRecommendation r : recommendations) {
            if (platforms.put(r.platform(), block(r)) != null) {
                throw new IllegalArgumentException("platform " + r.platform() + ": recommended twice");
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("platforms", platforms);
        return HEADER + YamlWriter.write(root);
    }

    private static Map<String, Object> block(PlatformRecommendation r) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("tasks", r.settings().tasks());
        putIfPresent(b, "partitions", r.settings().partitions());
        putIfPresent(b, "copy_format", r.copyFormat());
        if (!r.targetSettings().isEmpty()) {
            b.put("target_settings", r.targetSettings());
        }
        Provenance p = r.provenance();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("tuned_at", p.tunedAt().toString());
        prov.put("host", p.host());
        prov.put("scenario", p.scenario());
        prov.put("verdict", p.verdict().yamlName());
        prov.put("best", point(p.best()));
        if (p.runnerUp() != null) {
            prov.put("runner_up", point(p.runnerUp()));
        }
        prov.put("trials", p.trials());
        prov.put("elapsed_seconds", p.elapsed().toSeconds());
        prov.put("budget_exhausted", p.budgetExhausted());
        b.put("provenance", prov);
        return b;
    }

    private static Map<String, Object> point(PointSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", s.settings());
        m.put("median_rows_per_second", tenth(s.median()));
        if (s.ciLow() != null) {
            m.put("ci_low", tenth(s.ciLow()));
            m.put("ci_high", tenth(s.ciHigh()));
        }
        m.put("trials", s.trials());
        return m;
    }

    /** Rows/s to a tenth: more digits would be noise dressed as precision. */
    private static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * The recommendations in {@code file}, in file order.
     *
     * @throws TunedSettingsFormatException with every problem of the file: unreadable, not YAML, a field missing,
     *                                      unknown or invalid
     */
    public static List<PlatformRecommendation> read(Path file) {
        try {
            return parse(ConfigFiles.read(file), file.toString());
        } catch (ConfigFileException e) {
            throw new TunedSettingsFormatException(e.getMessage(), e);
        }
    }

    private static List<PlatformRecommendation> parse(String text, String fileName) {
        Problems problems = new Problems(fileName);
        Fields f = Fields.root(ConfigFiles.parse(text, problems), problems);
        if (f.require("version")) {
            Integer version = f.integer("version");
            if (version != null && version != VERSION) {
                f.problem("version", "unsupported version " + version + ", this migbench reads " + VERSION);
            }
        }
        List<PlatformRecommendation> out = new ArrayList<>();
        if (f.require("platforms")) {
            Fields platforms = f.section("platforms");
            platforms.keys().forEach(name -> out.add(platform(name, platforms.section(name))));
            if (platforms.keys().isEmpty()) {
                f.problem("platforms", "no platform in the file");
            }
        }
        f.rejectUnknownKeys();
        problems.throwIfAny();
        return out;
    }

    private static PlatformRecommendation platform(String name, Fields f) {
        Integer tasks = f.require("tasks") ? atLeast(f, "tasks", 1) : null;
        Integer partitions = atLeast(f, "partitions", 1);
        CopyFormat copyFormat = f.choice("copy_format", CopyFormat.class);
        Map<String, String> targetSettings = f.stringMap("target_settings");
        Provenance provenance = f.require("provenance") ? provenance(f.section("provenance")) : null;
        f.rejectUnknownKeys();
        return tasks == null || provenance == null ? null : built(f, () -> new PlatformRecommendation(name,
                new TuningPoint(tasks, partitions), copyFormat == null ? null : copyFormat.yamlName(), targetSettings,
                provenance));
    }

    private static Provenance provenance(Fields f) {
        Instant tunedAt = f.require("tuned_at") ? f.parsed("tuned_at", TunedSettingsFile::instant) : null;
        String host = f.require("host") ? f.parsed("host", v -> v) : null;
        String scenario = f.require("scenario") ? f.parsed("scenario", v -> v) : null;
        Verdict verdict = f.require("verdict") ? f.choice("verdict", Verdict.class) : null;
        PointSummary best = f.require("best") ? point(f.section("best")) : null;
        PointSummary runnerUp = f.has("runner_up") ? point(f.section("runner_up")) : null;
        Integer trials = f.require("trials") ? atLeast(f, "trials", 1) : null;
        Long elapsed = f.require("elapsed_seconds") ? f.longValue("elapsed_seconds") : null;
        Boolean exhausted = f.require("budget_exhausted") ? f.bool("budget_exhausted") : null;
        f.rejectUnknownKeys();
        if (tunedAt == null || host == null || scenario == null || verdict == null || best == null
                || (f.has("runner_up") && runnerUp == null) || trials == null || elapsed == null || exhausted == null) {
            return null;
        }
        return built(f, () -> new Provenance(tunedAt, host, scenario, verdict, best, runnerUp, trials,
                Duration.ofSeconds(elapsed), exhausted));
    }

    private static PointSummary point(Fields f) {
        String settings = f.require("settings") ? f.parsed("settings", v -> v) : null;
        Double median = f.require("median_rows_per_second") ? f.number("median_rows_per_second") : null;
        Double ciLow = f.number("ci_low");
        Double ciHigh = f.number("ci_high");
        Integer trials = f.require("trials") ? atLeast(f, "trials", 1) : null;
        f.rejectUnknownKeys();
        return settings == null || median == null || trials == null ? null
                : built(f, () -> new PointSummary(settings, median, ciLow, ciHigh, trials));
    }

    private static Integer atLeast(Fields f, String key, int min) {
        Integer v = f.integer(key);
        if (v != null && v < min) {
            f.problem(key, "must be ≥ " + min + ", got " + v);
            return null;
        }
        return v;
    }

    /** A record of the file, its constructor's complaint recorded at the map it was read from. */
    private static <T> T built(Fields f, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            f.problems().add(f.line(), f.path(), e.getMessage());
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be an ISO-8601 instant like 2025-01-01T10:00:00Z, got \"" + text + "\"");
        }
    }
}
