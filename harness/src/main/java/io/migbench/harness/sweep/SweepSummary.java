package io.migbench.harness.sweep;

import java.nio.file.Path;

/** Where a sweep wrote its results and how many of its trials ran and failed. */
public record SweepSummary(Path runDir, int trials, int failedTrials) {
}
