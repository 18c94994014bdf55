package io.migbench.harness.service;

import java.nio.file.Path;
import java.util.Optional;

/** What a tune left behind: its run folder, the settings file (absent when no platform got a recommendation). */
public record TuneOutcome(Path runDir, Optional<Path> settingsFile, int recommendedPlatforms, int platforms) {
    /** Every platform got a recommendation. */
    public boolean complete() {
        return recommendedPlatforms == platforms;
    }
}
