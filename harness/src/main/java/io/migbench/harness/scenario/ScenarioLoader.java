package io.migbench.harness.scenario;

import io.migbench.harness.model.ByteSizes;
import io.migbench.harness.model.SourceEngine;
import io.migbench.harness.model.Knob;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.ConfigFiles;
import io.migbench.harness.config.Fields;
import io.migbench.harness.config.Problems;
import io.migbench.harness.config.YamlNode;

import java.util.List;
import java.util.function.Function;

import static io.migbench.harness.scenario.Values.or;

/**
 * Reads a scenario file into a validated {@link Scenario}. Every problem of the file (syntax, unknown
 * keys, wrong types, invalid values, contradictions) is collected and thrown together as a
 * {@link ConfigFileException} whose lines read {@code file:line: path: message}. Nothing is started.
 */
public final class ScenarioLoader {
    public static final int DEFAULT_TRIALS = 3;
    public static final int DEFAULT_WARMUP_TRIALS = 1;
    public static final String DEFAULT_PROFILE = "default";

    private ScenarioLoader() {}

    public static Scenario load(java.nio.file.Path file) {
        return parse(ConfigFiles.read(file), file.toString());
    }

    /** Parses YAML text; {@code fileName} appears in messages and names the scenario when it has no name. */
    public static Scenario parse(String yaml, String fileName) {
        return parse(yaml, fileName, System::getenv);
    }

    /**
     * Parses YAML text, looking up the password variables it names in {@code environment}: an unset one is a
     * problem of the file, reported with the others before anything starts.
     */
    public static Scenario parse(String yaml, String fileName, Function<String, String> environment) {
        Problems problems = new Problems(fileName);
        YamlNode root = ConfigFiles.parse(yaml, problems);
        Fields f = Fields.root(root, problems);

        String name = f.string("name");
        String description = f.string("description");
        DatasetSpec dataset = dataset(f.section("dataset"));
        Fields sourceFields = f.section("source");
        SourceEngine source = sourceFields.choice("engine", SourceEngine.class);
        SourceEngine compareSource = sourceFields.choice("compare_with", SourceEngine.class);
        sourceFields.rejectUnknownKeys();
        BackendSpec backend = backend(f.section("backend"), environment);
        List<PlatformProfile> profiles = f.has("profiles")
                ? f.list("profiles", (n, p) -> profile(Fields.of(n, p, problems)))
                : List.of(PlatformProfile.unconstrained(DEFAULT_PROFILE));
        Matrix matrix = matrix(f.section("matrix"));
        Integer trials = f.integer("trials");
        Integer warmup = f.integer("warmup_trials");
        VerifyMode verify = f.choice("verify", VerifyMode.class);
        List<EngineKind> engines = f.list("engines", (n, p) -> f.asChoice(n, p, EngineKind.class));
        if (engines == null && !f.has("engines")) {
            engines = List.of(EngineKind.MIGBENCH);
        }
        Fields baselineFields = f.section("baseline");
        EngineSettings baseline = null;
        if (matrix != null && engines != null) {
            baseline = Values.engineSettings(baselineFields, matrix.points(engines).get(0));
        }
        baselineFields.rejectUnknownKeys();
        Tune tune = tune(f.section("tune"));
        TrialOrder.Mode orderMode = f.choice("trial_order", TrialOrder.Mode.class);
        Long orderSeed = f.longValue("order_seed");
        f.rejectUnknownKeys();

        if (f.has("backend") && backend == null) {
            // checks across sections would judge a backend that is not the one written: report the section's own problems
            problems.throwIfAny();
        }
        List<EngineKind> finalEngines = engines;
        EngineSettings finalBaseline = baseline;
        Scenario scenario = f.build(() -> new Scenario(or(name, stem(fileName)), description, dataset, source, compareSource, backend,
                profiles, matrix, or(trials, DEFAULT_TRIALS), or(warmup, DEFAULT_WARMUP_TRIALS), verify, finalEngines,
                finalBaseline, tune, new TrialOrder(orderMode, or(orderSeed, TrialOrder.DEFAULT_SEED))));
        problems.throwIfAny();
        return scenario;
    }

    private static DatasetSpec dataset(Fields f) {
        String name = f.string("name");
        Double scale = f.number("scale");
        Long seed = f.longValue("seed");
        List<String> schemas = f.list("schema", f::asString);
        List<String> tables = f.list("tables", f::asString);
        List<String> exclude = f.list("exclude", f::asString);
        Sample sample = f.has("sample") ? sample(f.section("sample")) : null;
        Boolean loadIntoExternal = f.bool("load_into_external");
        f.rejectUnknownKeys();
        return f.build(() -> new DatasetSpec(name, or(scale, 1.0), or(seed, DatasetSpec.DEFAULT_SEED), schemas, tables,
                exclude, sample, or(loadIntoExternal, false)));
    }

    private static Sample sample(Fields f) {
        Double fraction = f.number("fraction");
        Integer largest = f.integer("largest_tables");
        f.rejectUnknownKeys();
        if (!f.has("fraction") && !f.has("largest_tables")) {
            f.problem("fraction", "a sample needs fraction (0 < f ≤ 1) and/or largest_tables (N ≥ 1)");
        }
        return f.build(() -> new Sample(or(fraction, 1.0), largest));
    }

    private static BackendSpec backend(Fields f, Function<String, String> environment) {
        BackendType type = f.choice("type", BackendType.class);
        String version = f.parsed("postgres_version", v -> v);
        var images = f.stringMap("images");
        String platform = f.string("platform");
        Endpoint source = f.has("source") ? endpoint(f.section("source"), environment) : null;
        Endpoint target = f.has("target") ? endpoint(f.section("target"), environment) : null;
        f.rejectUnknownKeys();
        return f.build(() -> new BackendSpec(or(type, BackendType.EMBEDDED), version, images, platform, source, target));
    }

    private static Endpoint endpoint(Fields f, Function<String, String> environment) {
        BackendType type = f.choice("type", BackendType.class);
        String url = f.string("url");
        String user = f.string("user");
        String passwordEnv = f.string("password_env");
        ApplySettings apply = f.choice("apply_settings", ApplySettings.class);
        Boolean overwrite = f.bool("overwrite");
        if (f.has("password")) {
            f.problem("password", "passwords are never written in scenario files; set an environment variable and name it in password_env");
        }
        if (passwordEnv != null && passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*") && environment.apply(passwordEnv) == null) {
            f.problem("password_env", "environment variable " + passwordEnv + " is not set (export it with the password first)");
        }
        f.rejectUnknownKeys();
        return f.build(() -> new Endpoint(type, url, user, passwordEnv, apply, or(overwrite, false)));
    }

    private static PlatformProfile profile(Fields f) {
        String name = f.parsed("name", v -> v);
        String description = f.string("description");
        InstanceProfile source = instance(f.section("source"));
        InstanceProfile target = instance(f.section("target"));
        f.rejectUnknownKeys();
        return f.build(() -> new PlatformProfile(name, description, source, target));
    }

    private static InstanceProfile instance(Fields f) {
        Double cpus = f.number("cpus");
        String cpuset = f.parsed("cpuset", v -> v);
        Long memory = f.parsed("memory", ByteSizes::size);
        Long read = f.parsed("read_bytes_per_second", ByteSizes::rate);
        Long write = f.parsed("write_bytes_per_second", ByteSizes::rate);
        var settings = f.stringMap("settings");
        f.rejectUnknownKeys();
        return f.build(() -> new InstanceProfile(cpus, cpuset, memory, read, write, settings));
    }

    private static Matrix matrix(Fields f) {
        EngineSettings d = EngineSettings.defaults(EngineKind.MIGBENCH, 1);
        List<Integer> tasks = f.list(Knob.TASKS.yamlName(), f::asInt);
        List<CountOrAuto> partitions = counts(f, Knob.PARTITIONS, d.partitions());
        List<CopyFormat> formats = or(f.list(Knob.COPY_FORMAT.yamlName(), (n, p) -> f.asChoice(n, p, CopyFormat.class)),
                List.of(d.copyFormat()));
        List<SplitMode> split = or(f.list(Knob.SPLIT.yamlName(), (n, p) -> f.asChoice(n, p, SplitMode.class)),
                List.of(d.split()));
        List<Boolean> unlogged = or(f.list(Knob.UNLOGGED.yamlName(), f::asBoolean), List.of(d.unlogged()));
        List<CountOrAuto> indexTasks = counts(f, Knob.INDEX_TASKS, d.indexTasks());
        List<CountOrAuto> workers = counts(f, Knob.WORKERS, d.workers());
        f.rejectUnknownKeys();
        return f.build(() -> new Matrix(tasks, partitions, formats, split, unlogged, indexTasks, workers));
    }

    private static List<CountOrAuto> counts(Fields f, Knob knob, CountOrAuto fallback) {
        return or(f.list(knob.yamlName(), (n, p) -> Values.count(f, n, p)), List.of(fallback));
    }

    private static Tune tune(Fields f) {
        CountOrAuto maxTasks = Values.count(f, "max_tasks");
        var budget = f.parsed("budget", Durations::parse);
        f.rejectUnknownKeys();
        return f.build(() -> new Tune(maxTasks, budget));
    }

    private static String stem(String fileName) {
        String base = java.nio.file.Path.of(fileName).getFileName().toString();
        return base.replaceFirst("\\.ya?ml$", "");
    }
}
