package io.migbench.harness.tune;

import io.migbench.harness.scenario.CopyFormat;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.config.YamlEnum;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings block recommended for one platform profile, as written to and read from tuned.yaml: what
 * {@code sweep --settings} applies, plus the provenance of the numbers.
 *
 * @param platform       the platform profile's name (key in the file)
 * @param settings       tasks, partitions per table ({@code null}: engine default)
 * @param copyFormat     COPY format, e.g. {@code binary}; {@code null} for the engine default
 * @param targetSettings PostgreSQL settings of the target server during the measurements, name → value, in order
 * @param provenance     how the recommendation was obtained
 */
public record PlatformRecommendation(String platform, TuningPoint settings, String copyFormat,
                                     Map<String, String> targetSettings, Provenance provenance) {

    public PlatformRecommendation {
        if (platform == null || platform.isBlank()) {
            throw new IllegalArgumentException("platform: missing");
        }
        if (!platform.matches(PlatformProfile.NAME_PATTERN)) {
            throw new IllegalArgumentException("platform: \"" + platform + "\" is not a valid platform profile name");
        }
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(provenance, "provenance");
        if (copyFormat != null && copyFormat.isBlank()) {
            throw new IllegalArgumentException("copy_format: blank; omit it for the engine default");
        }
        Objects.requireNonNull(targetSettings, "targetSettings");
        targetSettings.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("target_settings: every setting needs a name and a value, got "
                        + name + "=" + value);
            }
        });
        // the order the user wrote them in is kept, so a rewritten file diffs cleanly
        targetSettings = Collections.unmodifiableMap(new LinkedHashMap<>(targetSettings));
    }

    /**
     * The recommendation of a finished search on {@code platform}.
     *
     * @throws IllegalArgumentException when the search found nothing to recommend (no trial completed)
     */
    public static PlatformRecommendation from(String platform, TuningResult result, String copyFormat,
                                              Map<String, String> targetSettings, String host, String scenario,
                                              Instant tunedAt) {
        MeasuredPoint best = result.best().orElseThrow(() -> new IllegalArgumentException("platform " + platform
                + ": nothing to recommend, no trial completed (" + result.curve().size() + " points tried, "
                + result.failedPoints().size() + " failed)"));
        Provenance provenance = new Provenance(tunedAt, host, scenario, result.verdict(), PointSummary.of(best),
                result.runnerUp().map(PointSummary::of).orElse(null), result.trialsRun(), result.elapsed(),
                result.budgetExhausted());
        return new PlatformRecommendation(platform, best.point(), copyFormat, targetSettings, provenance);
    }

    /** {@code base} with the recommended task count, partitions and COPY format. */
    public EngineSettings applyTo(EngineSettings base) {
        EngineSettings s = settings.applyTo(base);
        return copyFormat == null ? s : s.withCopyFormat(YamlEnum.parse(CopyFormat.class, copyFormat)
                .orElseThrow(() -> new IllegalArgumentException("copy_format: unknown \"" + copyFormat + "\" for platform " + platform)));
    }
}
