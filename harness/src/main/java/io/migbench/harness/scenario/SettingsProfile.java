package io.migbench.harness.scenario;

import io.migbench.harness.scenario.config.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recommended settings per platform, as written by {@code migbench tune} ({@code tuned.yaml}) and read by
 * {@code migrate --settings} and {@code sweep --settings}. Read and written by {@link SettingsProfiles}.
 *
 * @param scenario  the scenario the recommendations were measured with
 * @param created   when, ISO-8601 text (informational)
 * @param platforms platform profile name → its recommendation, in file order
 */
public record SettingsProfile(String scenario, String created, Map<String, PlatformSettings> platforms) {
    public static final int FORMAT_VERSION = 1;

    public SettingsProfile {
        platforms = Collections.unmodifiableMap(new LinkedHashMap<>(platforms == null ? Map.of() : platforms));
        Checks c = new Checks().check(!platforms.isEmpty(), "platforms", "must hold at least one platform");
        for (String name : platforms.keySet()) {
            c.check(name.matches(PlatformProfile.NAME_PATTERN), "platforms." + name, "not a valid platform profile name");
        }
        c.throwIfAny();
    }

    public Optional<PlatformSettings> forPlatform(String platform) {
        return Optional.ofNullable(platforms.get(platform));
    }

    /**
     * The recommendation for {@code platform}, or the only one in the file when it holds a single platform
     * (a profile tuned on one machine applies to a migration on that machine, whatever its profile is called).
     */
    public PlatformSettings resolve(String platform) {
        PlatformSettings s = platforms.get(platform);
        if (s != null) {
            return s;
        }
        if (platforms.size() == 1) {
            return platforms.values().iterator().next();
        }
        throw new IllegalArgumentException("settings profile has no platform \"" + platform + "\"; it has: "
                + String.join(", ", platforms.keySet()));
    }

    /**
     * One platform's recommendation.
     *
     * @param settings        the engine settings to use
     * @param targetSettings  PostgreSQL server settings recommended for the target
     * @param evidence        what the recommendation rests on, or {@code null}
     */
    public record PlatformSettings(EngineSettings settings, Map<String, String> targetSettings, Evidence evidence) {
        public PlatformSettings {
            targetSettings = Collections.unmodifiableMap(new LinkedHashMap<>(targetSettings == null ? Map.of() : targetSettings));
            new Checks().require(settings, "engine_settings").throwIfAny();
        }
    }

    /**
     * The measurement behind a recommendation.
     *
     * @param medianRowsPerSecond median throughput of the recommended point
     * @param ci95Low             lower end of its 95% confidence interval
     * @param ci95High            upper end
     * @param trials              measured (non-warmup) trials
     * @param note                e.g. "runner-up t4 not distinguishable (CIs overlap)"
     */
    public record Evidence(double medianRowsPerSecond, double ci95Low, double ci95High, int trials, String note) {
        public Evidence {
            note = note == null ? "" : note;
            new Checks()
                    .check(medianRowsPerSecond >= 0, "median_rows_per_second", "must be ≥ 0, got " + medianRowsPerSecond)
                    .check(ci95Low <= medianRowsPerSecond && medianRowsPerSecond <= ci95High, "ci95_low",
                            "the interval [" + ci95Low + ", " + ci95High + "] must contain the median " + medianRowsPerSecond)
                    .atLeast(trials, 1, "trials")
                    .throwIfAny();
        }
    }
}
