package io.migbench.harness.sweep;

import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.Durability;
import io.migbench.harness.model.BuildInfo;
import io.migbench.harness.results.EnvironmentFacts;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.Scenario;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a trial row shares with its platform and run: identity, host facts, database versions and
 * the limits that were requested and really enforced. One place fills those columns for every engine.
 */
public record TrialContext(String runId, Scenario scenario, EnvironmentFacts host, PlatformDatabases databases,
                           SourceSelection selection) {

    /**
     * A trials.csv row builder with every shared column filled in for {@code settings} in {@code slot}; the
     * engine's own session settings stay "unknown" until the trial reports them.
     */
    public TrialRecord.Builder newRecord(EngineSettings settings, TrialSlot slot) {
        DatabaseInstance source = databases.source();
        DatabaseInstance target = databases.target();
        return TrialRecord.builder()
                .runId(runId)
                .timestamp(Instant.now())
                .scenario(scenario.name())
                .platform(databases.profile().name())
                .backend(scenario.backend().label())
                .host(host)
                .tool(BuildInfo.current().describe(), BuildInfo.javaVersion())
                .sourceEngine(scenario.source().yamlName())
                .sourceVersion(source.version())
                .targetEngine("postgresql")
                .targetVersion(target.version())
                .sourceLimits(requested(source), source.enforcedLimits().summary())
                .targetLimits(requested(target), target.enforcedLimits().summary())
                .targetSettings(compact(databases.targetSettings()))
                .dataset(scenario.dataset().name())
                .scale(scenario.dataset().scale())
                .engine(settings.engine())
                .settingsLabel(settings.label())
                .baseline(settings.normalized().equals(scenario.baseline() == null ? null : scenario.baseline().normalized()))
                .tasks(settings.tasks())
                .workers(settings.workers().isAuto() ? null : settings.workers().value())
                .partitions(settings.partitions().isAuto() ? null : settings.partitions().value())
                .copyFormat(settings.copyFormat().yamlName())
                .split(settings.split().yamlName())
                .knobs(knobs(settings))
                .trial(slot.trial())
                .warmup(slot.warmup())
                .position(slot.round(), slot.order())
                .durability(Durability.of(databases.targetSettings()));
    }

    private static String requested(DatabaseInstance instance) {
        return compact(instance.enforcedLimits().requestedByKey());
    }

    private static String knobs(EngineSettings settings) {
        return "unlogged=" + settings.unlogged() + ";index_tasks=" + settings.indexTasks();
    }

    static String compact(Map<String, String> values) {
        return new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
