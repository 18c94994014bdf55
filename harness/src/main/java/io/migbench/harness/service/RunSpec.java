package io.migbench.harness.service;

import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import io.migbench.harness.scenario.ScenarioOverrides;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a measuring run ({@code sweep}, {@code tune}) reads and where it writes, as the CLI and the Maven plugin
 * both give it: the scenario file with the user's overrides, the folder that receives the run folder, the run
 * folder's name (null: {@code <prefix>-<UTC timestamp>}) and the platform profiles to measure (empty: all).
 */
public record RunSpec(Path scenarioFile, Path outDir, String runId, Set<String> platforms, ScenarioOverrides overrides) {
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    public RunSpec {
        Objects.requireNonNull(scenarioFile, "scenarioFile");
        Objects.requireNonNull(outDir, "outDir");
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        overrides = overrides == null ? ScenarioOverrides.NONE : overrides;
    }

    /** This run with other overrides. */
    public RunSpec withOverrides(ScenarioOverrides other) {
        return new RunSpec(scenarioFile, outDir, runId, platforms, other);
    }

    /** The scenario file, validated, with the overrides applied. */
    public Scenario scenario() {
        return overrides.applyTo(ScenarioLoader.load(scenarioFile));
    }

    /** {@code outDir/runId}, or {@code outDir/<prefix>-<UTC yyyyMMdd-HHmmss>} without a run id. */
    public Path runDir(String prefix) {
        return outDir.resolve(runId != null ? runId : prefix + "-" + LocalDateTime.now(ZoneOffset.UTC).format(RUN_STAMP));
    }
}
