package io.migbench.harness.sweep;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which platforms a sweep runs and which points it measures on each, and how many trials that makes: the
 * scenario's whole matrix everywhere, or per platform an explicit list (e.g. baseline and tuned settings).
 */
public record SweepPlan(Scenario scenario, List<PlatformProfile> platforms, Map<String, List<EngineSettings>> pointsByPlatform) {

    public SweepPlan {
        if (platforms.isEmpty()) {
            throw new ConfigurationException("platform", "platform: no profile of scenario " + scenario.name() + " selected");
        }
        for (PlatformProfile p : platforms) {
            if (pointsByPlatform.getOrDefault(p.name(), List.of()).isEmpty()) {
                throw new ConfigurationException("matrix", "matrix: no point to measure on platform " + p.name()
                        + " of scenario " + scenario.name());
            }
        }
        platforms = List.copyOf(platforms);
        pointsByPlatform = Map.copyOf(pointsByPlatform);
    }

    /** The whole matrix on every platform, or only on the named ones (unknown names are an error naming them). */
    public static SweepPlan of(Scenario scenario, Set<String> platformNames) {
        for (String name : platformNames) {
            if (scenario.profile(name).isEmpty()) {
                throw new ConfigurationException("--platform", "--platform: scenario " + scenario.name() + " has no profile \"" + name
                        + "\"; its profiles: " + scenario.profiles().stream().map(PlatformProfile::name).toList());
            }
        }
        List<PlatformProfile> chosen = scenario.profiles().stream()
                .filter(p -> platformNames.isEmpty() || platformNames.contains(p.name()))
                .toList();
        Map<String, List<EngineSettings>> points = new LinkedHashMap<>();
        chosen.forEach(p -> points.put(p.name(), scenario.matrixPoints()));
        return new SweepPlan(scenario, chosen, points);
    }

    /** The same platforms, measuring only the given points on each (platforms without an entry are dropped). */
    public SweepPlan withPoints(Map<String, List<EngineSettings>> points) {
        return new SweepPlan(scenario, platforms.stream().filter(p -> points.containsKey(p.name())).toList(), points);
    }

    /** The same plan whose named platforms start their target with extra server settings (e.g. a tuned.yaml's). */
    public SweepPlan withTargetSettings(Map<String, Map<String, String>> settingsByPlatform) {
        List<PlatformProfile> changed = platforms.stream()
                .map(p -> p.withTargetSettings(settingsByPlatform.getOrDefault(p.name(), Map.of()))).toList();
        return new SweepPlan(scenario, changed, pointsByPlatform);
    }

    public List<EngineSettings> pointsFor(PlatformProfile platform) {
        return pointsByPlatform.get(platform.name());
    }

    public int trialsPerPoint() {
        return scenario.warmupTrials() + scenario.trials();
    }

    /** Every trial, including migbench's on the {@code compare_with} source of each platform. */
    public int totalTrials() {
        return platforms.stream().mapToInt(p -> pointsFor(p).size() + comparePoints(p).size()).sum() * trialsPerPoint();
    }

    /** The points measured on the {@code compare_with} source of a platform: migbench's; none without one. */
    public List<EngineSettings> comparePoints(PlatformProfile platform) {
        return scenario.compareSource() == null ? List.of()
                : pointsFor(platform).stream().filter(p -> p.engine() == EngineKind.MIGBENCH).toList();
    }
}
