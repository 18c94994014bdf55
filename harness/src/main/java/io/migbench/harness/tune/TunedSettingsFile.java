package io.migbench.harness.tune;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.Problems;
import io.migbench.harness.config.YamlNode;
import io.migbench.harness.config.YamlNode.Mapping;
import io.migbench.harness.config.YamlTreeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * Reading rejects unknown fields (typos would otherwise be silently ignored) with errors of the form
 * {@code file:line: field: problem}.
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
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(toYaml(recommendations));
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
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
        try {
            return HEADER + mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render tuned settings: " + e.getMessage(), e);
        }
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
        prov.put("verdict", p.verdict().text());
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
     * @throws TunedSettingsFormatException when the file cannot be read or a field is missing, unknown or invalid
     */
    public static List<PlatformRecommendation> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TunedSettingsFormatException(file + ": cannot read tuned settings: " + e, e);
        }
        Problems problems = new Problems(file.toString());
        YamlNode root = YamlTreeReader.read(text, problems);
        try {
            problems.throwIfAny();
        } catch (ConfigFileException e) {
            throw new TunedSettingsFormatException(e.getMessage(), e);
        }
        return new FieldReader(file).recommendations(root);
    }

    /** Field-by-field reading with errors that carry file, line and dotted path. */
    private static final class FieldReader {
        private static final Set<String> ROOT_KEYS = Set.of("version", "platforms");
        private static final Set<String> PLATFORM_KEYS = Set.of("tasks", "partitions", "copy_format",
                "target_settings", "provenance");
        private static final Set<String> PROVENANCE_KEYS = Set.of("tuned_at", "host", "scenario", "verdict", "best",
                "runner_up", "trials", "elapsed_seconds", "budget_exhausted");
        private static final Set<String> POINT_KEYS = Set.of("settings", "median_rows_per_second", "ci_low", "ci_high",
                "trials");

        private final Path file;

        FieldReader(Path file) {
            this.file = file;
        }

        List<PlatformRecommendation> recommendations(YamlNode root) {
            Mapping m = mapping(root, "(document)");
            known(m, "", ROOT_KEYS);
            YamlNode versionNode = required(m, "version", "");
            int version = integer(versionNode, "version", 1);
            if (version != VERSION) {
                throw error(versionNode, "version", "unsupported version " + version + ", this migbench reads "
                        + VERSION);
            }
            Mapping platforms = mapping(required(m, "platforms", ""), "platforms");
            if (platforms.entries().isEmpty()) {
                throw error(platforms, "platforms", "no platform in the file");
            }
            List<PlatformRecommendation> out = new ArrayList<>();
            platforms.entries().forEach((name, entry) -> out.add(platform(name, entry.value(), "platforms." + name)));
            return out;
        }

        private PlatformRecommendation platform(String name, YamlNode node, String path) {
            Mapping m = mapping(node, path);
            known(m, path, PLATFORM_KEYS);
            int tasks = integer(required(m, "tasks", path), path + ".tasks", 1);
            Integer partitions = m.entries().containsKey("partitions")
                    ? integer(m.get("partitions"), path + ".partitions", 1) : null;
            String copyFormat = m.entries().containsKey("copy_format")
                    ? text(m.get("copy_format"), path + ".copy_format") : null;
            Map<String, String> targetSettings = new LinkedHashMap<>();
            if (m.entries().containsKey("target_settings")) {
                Mapping ts = mapping(m.get("target_settings"), path + ".target_settings");
                ts.entries().forEach((k, e) -> targetSettings.put(k, settingValue(e.value(), path + ".target_settings." + k)));
            }
            Provenance provenance = provenance(required(m, "provenance", path), path + ".provenance");
            try {
                return new PlatformRecommendation(name, new TuningPoint(tasks, partitions), copyFormat,
                        targetSettings, provenance);
            } catch (IllegalArgumentException e) {
                throw error(m, path, e.getMessage());
            }
        }

        private Provenance provenance(YamlNode node, String path) {
            Mapping m = mapping(node, path);
            known(m, path, PROVENANCE_KEYS);
            Instant tunedAt = instant(required(m, "tuned_at", path), path + ".tuned_at");
            String host = text(required(m, "host", path), path + ".host");
            String scenario = text(required(m, "scenario", path), path + ".scenario");
            YamlNode verdictNode = required(m, "verdict", path);
            Verdict verdict = Verdict.fromText(text(verdictNode, path + ".verdict"));
            if (verdict == null) {
                throw error(verdictNode, path + ".verdict", "must be one of \"distinguishable\", \"not distinguishable\","
                        + " \"insufficient data\", got \"" + text(verdictNode, path + ".verdict") + "\"");
            }
            PointSummary best = point(required(m, "best", path), path + ".best");
            PointSummary runnerUp = m.entries().containsKey("runner_up")
                    ? point(m.get("runner_up"), path + ".runner_up") : null;
            int trials = integer(required(m, "trials", path), path + ".trials", 1);
            long elapsed = integer(required(m, "elapsed_seconds", path), path + ".elapsed_seconds", 0);
            boolean exhausted = bool(required(m, "budget_exhausted", path), path + ".budget_exhausted");
            try {
                return new Provenance(tunedAt, host, scenario, verdict, best, runnerUp, trials,
                        Duration.ofSeconds(elapsed), exhausted);
            } catch (IllegalArgumentException e) {
                throw error(m, path, e.getMessage());
            }
        }

        private PointSummary point(YamlNode node, String path) {
            Mapping m = mapping(node, path);
            known(m, path, POINT_KEYS);
            String settings = text(required(m, "settings", path), path + ".settings");
            double median = number(required(m, "median_rows_per_second", path), path + ".median_rows_per_second");
            Double ciLow = m.entries().containsKey("ci_low") ? number(m.get("ci_low"), path + ".ci_low") : null;
            Double ciHigh = m.entries().containsKey("ci_high")
                    ? number(m.get("ci_high"), path + ".ci_high") : null;
            int trials = integer(required(m, "trials", path), path + ".trials", 1);
            try {
                return new PointSummary(settings, median, ciLow, ciHigh, trials);
            } catch (IllegalArgumentException e) {
                throw error(m, path, e.getMessage());
            }
        }

        private Mapping mapping(YamlNode node, String path) {
            if (node instanceof Mapping m) {
                return m;
            }
            throw error(node, path, "expected a mapping of fields, got " + node.describe());
        }

        private void known(Mapping m, String path, Set<String> allowed) {
            for (String key : m.entries().keySet()) {
                if (!allowed.contains(key)) {
                    throw new TunedSettingsFormatException(file + ":" + m.entries().get(key).keyLine() + ": "
                            + (path.isEmpty() ? "" : path + ".") + key + ": unknown field; expected one of "
                            + new TreeSet<>(allowed));
                }
            }
        }

        private YamlNode required(Mapping m, String key, String path) {
            YamlNode n = m.get(key);
            if (n == null) {
                throw error(m, path.isEmpty() ? key : path + "." + key, "missing");
            }
            return n;
        }

        /** A scalar as text; the tree types scalars, so numbers and booleans come back as written in YAML 1.2. */
        private String text(YamlNode node, String path) {
            if (node instanceof YamlNode.Scalar s && s.value() != null) {
                return s.value().toString();
            }
            throw error(node, path, "expected a value, got " + node.describe());
        }

        /** A PostgreSQL setting: a bare {@code off}/{@code on} is a YAML boolean, PostgreSQL wants the word back. */
        private String settingValue(YamlNode node, String path) {
            if (node instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
                return b ? "on" : "off";
            }
            return text(node, path);
        }

        private int integer(YamlNode node, String path, int min) {
            String t = text(node, path);
            try {
                int v = Integer.parseInt(t.trim());
                if (v >= min) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw error(node, path, "must be an integer >= " + min + ", got \"" + t + "\"");
        }

        private double number(YamlNode node, String path) {
            String t = text(node, path);
            try {
                double v = Double.parseDouble(t.trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw error(node, path, "must be a number, got \"" + t + "\"");
        }

        private boolean bool(YamlNode node, String path) {
            String t = text(node, path);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
            throw error(node, path, "must be true or false, got \"" + t + "\"");
        }

        private Instant instant(YamlNode node, String path) {
            String t = text(node, path);
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw error(node, path, "must be an ISO-8601 instant like 2025-01-01T10:00:00Z, got \"" + t + "\"");
            }
        }

        private TunedSettingsFormatException error(YamlNode node, String path, String problem) {
            return new TunedSettingsFormatException(file + ":" + node.line() + ": " + path + ": " + problem);
        }
    }
}
