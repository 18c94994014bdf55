package io.migbench.harness.sweep;

import io.migbench.engine.ProgressEvent;
import io.migbench.harness.scenario.EngineSettings;

/** Hears what a sweep does, for progress output (and for tests that inject faults between trials). */
public interface SweepListener {
    SweepListener NONE = new SweepListener() { };

    default void platformStarting(String platform, int index, int count) { }

    default void datasetReady(String platform, String summary) { }

    default void engineSkipped(String platform, String engine, String reason) { }

    default void trialStarting(PlatformDatabases databases, EngineSettings settings, int trial, boolean warmup) { }

    default void trialProgress(ProgressEvent event) { }

    default void trialFinished(TrialOutcome outcome, int done, int total, double etaSeconds) { }
}
