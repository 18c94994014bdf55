package io.migbench.harness.stats;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TrialRecord;

/**
 * What makes trials repeats of one another: the same platform (host + profile), source engine, copy engine
 * and engine settings.
 */
public record ConfigurationKey(String platformKey, String sourceEngine, EngineKind engine, String settingsLabel) {
    public static ConfigurationKey of(TrialRecord t) {
        return new ConfigurationKey(t.platformKey(), t.sourceEngine(), t.engine(), t.settingsLabel());
    }
}
