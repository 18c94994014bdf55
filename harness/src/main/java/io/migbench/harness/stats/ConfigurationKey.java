package io.migbench.harness.stats;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TrialResult;

/**
 * What makes trials repeats of one another: the same platform (host + profile), source engine, copy engine,
 * engine settings and part of the source copied (a sample's trials never pool with a full copy's).
 *
 * @param copied {@code ""} for the whole source, else how much of it (e.g. "25% sample")
 */
public record ConfigurationKey(String platformKey, String sourceEngine, EngineKind engine, String settingsLabel,
                               String copied) {
    public static ConfigurationKey of(TrialResult r) {
        return new ConfigurationKey(r.trial().platformKey(), r.trial().sourceEngine(), r.trial().engine(),
                r.trial().settingsLabel(), r.copied());
    }

    /** The settings label as reports show it: with the copied share when the trials copied a sample. */
    public String label() {
        return copied.isEmpty() ? settingsLabel : settingsLabel + " (" + copied + ")";
    }
}
