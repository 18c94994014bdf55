package io.migbench.harness.service;

import java.nio.file.Path;

/** What a sweep left behind: its run folder and how many of its trials ran and failed. */
public record SweepOutcome(Path runDir, int trials, int failedTrials) {
    public boolean anyFailed() {
        return failedTrials > 0;
    }
}
