package io.migbench.harness.sweep;

import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;

import java.util.List;
import java.util.Set;

/**
 * Which platforms and matrix points a sweep runs, and how many trials that makes: the scenario, optionally
 * narrowed to some platforms and with an explicit list of points (the tuner's recommendations, for example).
 */
public record SweepPlan(Scenario scenario, List<PlatformProfile> platforms, List<EngineSettings> points) {

    public SweepPlan {
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("platform: no profile of scenario " + scenario.name() + " selected");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("matrix: no point to measure in scenario " + scenario.name());
        }
        platforms = List.copyOf(platforms);
        points = List.copyOf(points);
    }

    /** The whole scenario, or only the named platforms (unknown names are an error naming them). */
    public static SweepPlan of(Scenario scenario, Set<String> platformNames) {
        for (String name : platformNames) {
            if (scenario.profile(name).isEmpty()) {
                throw new IllegalArgumentException("--platform: scenario " + scenario.name() + " has no profile \"" + name
                        + "\"; its profiles: " + scenario.profiles().stream().map(PlatformProfile::name).toList());
            }
        }
        List<PlatformProfile> chosen = scenario.profiles().stream()
                .filter(p -> platformNames.isEmpty() || platformNames.contains(p.name()))
                .toList();
        return new SweepPlan(scenario, chosen, scenario.matrixPoints());
    }

    public int trialsPerPoint() {
        return scenario.warmupTrials() + scenario.trials();
    }

    public int totalTrials() {
        return platforms.size() * points.size() * trialsPerPoint();
    }
}
