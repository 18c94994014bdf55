package io.migbench.harness.scenario;

import io.migbench.harness.model.SourceEngine;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.Checks;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark scenario, validated as a whole: what to load, where the databases run, the platforms to
 * measure on, the engine settings to sweep and how many trials. Built by {@link ScenarioLoader}, written
 * back by {@link ScenarioWriter}.
 *
 * @param compareSource a second source engine whose server migbench starts ({@code backend.type}) and loads with the
 *                      same generated dataset, measured with migbench on the same matrix, trials interleaved with the
 *                      main source's, for the report's source-engine comparison; {@code null}: none
 * @param baseline   the "before" setting of the report's before/after comparison; a point of the matrix
 * @param trialOrder the order of the measured trials within a platform (default: interleaved, seed 1)
 */
public record Scenario(
        String name,
        String description,
        DatasetSpec dataset,
        SourceEngine source,
        SourceEngine compareSource,
        BackendSpec backend,
        List<PlatformProfile> profiles,
        Matrix matrix,
        int trials,
        int warmupTrials,
        VerifyMode verify,
        List<EngineKind> engines,
        EngineSettings baseline,
        Tune tune,
        TrialOrder trialOrder) {

    public Scenario {
        description = description == null ? "" : description;
        source = source == null ? SourceEngine.POSTGRESQL : source;
        backend = backend == null ? BackendSpec.EMBEDDED : backend;
        verify = verify == null ? VerifyMode.COUNT : verify;
        tune = tune == null ? Tune.DEFAULT : tune;
        trialOrder = trialOrder == null ? TrialOrder.DEFAULT : trialOrder;
        Checks c = new Checks()
                .require(name, "name")
                .require(dataset, "dataset")
                .require(matrix, "matrix")
                .atLeast(trials, 1, "trials")
                .atLeast(warmupTrials, 0, "warmup_trials")
                .distinctNonEmpty(engines, "engines")
                .check(profiles != null && !profiles.isEmpty(), "profiles", "must list at least one platform profile");
        Set<String> names = new HashSet<>();
        for (int i = 0; profiles != null && i < profiles.size(); i++) {
            PlatformProfile p = profiles.get(i);
            c.check(names.add(p.name()), "profiles[" + i + "].name", "duplicate profile name \"" + p.name() + "\"");
            checkExternalSide(c, backend.sourceType(), backend.source(), p.source(), "profiles[" + i + "].source", "source");
            checkExternalSide(c, backend.targetType(), backend.target(), p.target(), "profiles[" + i + "].target", "target");
        }
        if (dataset != null) {
            checkDatasetSource(c, dataset, backend, engines);
        }
        for (int i = 0; engines != null && i < engines.size(); i++) {
            c.check(engines.get(i).supports(source), "engines[" + i + "]", engines.get(i).yamlName()
                    + " cannot read a " + source.yamlName() + " source; engines for it: " + enginesFor(source));
        }
        if (compareSource != null) {
            checkCompareSource(c, source, compareSource, dataset, backend);
        }
        c.check(source != SourceEngine.SQLSERVER || backend.sourceType() != BackendType.EMBEDDED, "source.engine",
                "sqlserver needs backend type docker or external: the embedded backend runs PostgreSQL only");
        c.check(source != SourceEngine.SQLSERVER || backend.source() == null
                        || backend.source().applySettings() != ApplySettings.RELOAD, "backend.source.apply_settings",
                "reload applies PostgreSQL settings (ALTER SYSTEM); a SQL Server source is configured by its owner");
        if (backend.source() != null && backend.source().url() != null) {
            String prefix = source == SourceEngine.SQLSERVER ? "jdbc:sqlserver:" : "jdbc:postgresql:";
            c.check(backend.source().url().startsWith(prefix), "backend.source.url",
                    "source engine is " + source.yamlName() + ", so the URL must start with " + prefix);
        }
        if (matrix != null && engines != null && baseline != null) {
            c.check(matrix.points(engines).contains(baseline.normalized()), "baseline",
                    "\"" + baseline.label() + "\" is not a point of the matrix, so it would never be measured");
        }
        c.throwIfAny();
        profiles = List.copyOf(profiles);
        engines = List.copyOf(engines);
    }

    private static void checkExternalSide(Checks c, BackendType type, Endpoint side, InstanceProfile instance,
                                          String field, String sideName) {
        if (type != BackendType.EXTERNAL) {
            return;
        }
        c.check(!instance.hasLimits(), field,
                "resource limits cannot be enforced on an external server; remove them or use the embedded or docker backend");
        c.check(instance.settings().isEmpty() || side.applySettings() == ApplySettings.RELOAD, field + ".settings",
                "migbench cannot apply server settings to an external server; remove them, or set backend."
                        + sideName + ".apply_settings: reload (ALTER SYSTEM SET + pg_reload_conf)");
    }

    /** The comparison source is generated and started by migbench, on the backend's default type. */
    private static void checkCompareSource(Checks c, SourceEngine source, SourceEngine compare, DatasetSpec dataset,
                                           BackendSpec backend) {
        c.check(compare != source, "source.compare_with", "must differ from source.engine (" + source.yamlName() + ")");
        c.check(dataset == null || !dataset.existing(), "source.compare_with",
                "needs a generated dataset, loaded into both sources; existing reads only your own database");
        c.check(backend.type() != BackendType.EXTERNAL, "source.compare_with", "its server is started by migbench on "
                + "backend.type, which is external; set backend.type: embedded (or docker) and give the external side "
                + "its own backend.source.type");
        c.check(compare != SourceEngine.SQLSERVER || backend.type() == BackendType.DOCKER, "source.compare_with",
                "sqlserver needs backend.type docker: the embedded backend runs PostgreSQL only");
    }

    /**
     * The comparison source's own scenario: the same dataset, matrix and trials on a server migbench starts
     * ({@code backend.type}), migbench only, no before/after baseline. Empty without {@code compare_with}.
     */
    public Optional<Scenario> compareScenario() {
        if (compareSource == null) {
            return Optional.empty();
        }
        BackendSpec own = new BackendSpec(backend.type(), backend.postgresVersion(), backend.images(), backend.platform(),
                null, backend.target());
        DatasetSpec generated = new DatasetSpec(dataset.name(), dataset.scale(), dataset.seed(), dataset.schemas(),
                dataset.tables(), dataset.exclude(), dataset.sample(), false);
        return Optional.of(new Scenario(name, description, generated, compareSource, null, own, profiles, matrix, trials,
                warmupTrials, verify, List.of(EngineKind.MIGBENCH), null, tune, trialOrder));
    }

    private static List<String> enginesFor(SourceEngine source) {
        return Arrays.stream(EngineKind.values()).filter(e -> e.supports(source)).map(EngineKind::yamlName).toList();
    }

    /** An existing dataset is read, never written; a generator writes an external source only when asked to. */
    private static void checkDatasetSource(Checks c, DatasetSpec dataset, BackendSpec backend, List<EngineKind> engines) {
        boolean externalSource = backend.sourceType() == BackendType.EXTERNAL;
        if (dataset.existing()) {
            c.check(externalSource, "dataset.name", "existing reads your own database, so the source must be external "
                    + "(backend.source: {type: external, url, user, password_env}); the " + backend.sourceType().yamlName()
                    + " backend starts an empty server");
            c.check(!externalSource || backend.source().applySettings() != ApplySettings.RELOAD, "backend.source.apply_settings",
                    "an existing source is never written, not even its server settings");
            for (int i = 0; engines != null && i < engines.size(); i++) {
                c.check(engines.get(i) == EngineKind.MIGBENCH, "engines[" + i + "]", engines.get(i).yamlName()
                        + " is not run on an existing source: only migbench's read-only connections are proven never to write it");
            }
            return;
        }
        c.check(!externalSource || dataset.loadIntoExternal(), "dataset.load_into_external",
                "loading " + dataset.name() + " into the external source creates its tables there; set "
                        + "dataset.load_into_external: true to allow it (tables of those names that migbench did not load are refused)");
        c.check(externalSource || !dataset.loadIntoExternal(), "dataset.load_into_external",
                "only for an external source: migbench always loads the servers it starts");
    }

    /** The same scenario with other trial counts (command-line overrides), validated like a loaded one. */
    public Scenario withTrials(int measured, int warmup) {
        return new Scenario(name, description, dataset, source, compareSource, backend, profiles, matrix, measured, warmup, verify,
                engines, baseline, tune, trialOrder);
    }

    /** The same scenario measuring another matrix, validated like a loaded one. */
    public Scenario withMatrix(Matrix other) {
        return new Scenario(name, description, dataset, source, compareSource, backend, profiles, other, trials, warmupTrials, verify,
                engines, baseline, tune, trialOrder);
    }

    /** Every engine setting to measure, in sweep order: the cross product of the matrix, per engine. */
    public List<EngineSettings> matrixPoints() {
        return matrix.points(engines);
    }

    /** The settings a tuner varies from: the baseline when it is a migbench point, else migbench's defaults. */
    public EngineSettings migbenchBase() {
        return baseline != null && baseline.engine() == EngineKind.MIGBENCH
                ? baseline : EngineSettings.defaults(EngineKind.MIGBENCH, 1);
    }

    /** The same scenario with its measured trials in another order (the sweep's --order). */
    public Scenario withTrialOrder(TrialOrder order) {
        return new Scenario(name, description, dataset, source, compareSource, backend, profiles, matrix, trials, warmupTrials, verify,
                engines, baseline, tune, order);
    }

    public Optional<PlatformProfile> profile(String profileName) {
        return profiles.stream().filter(p -> p.name().equals(profileName)).findFirst();
    }
}
