package io.migbench.harness.report;

import io.migbench.harness.results.ResourceUsage;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.WaitProfile;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resource figures of one configuration, over its measured trials: cores busy per component (median of CPU
 * seconds / wall seconds), bytes per trial (medians) and the wait events of all trials pooled. A figure no trial
 * measured is empty.
 */
record ResourceFigures(Optional<Double> sourceBusy, Optional<Double> targetBusy, Optional<Double> engineBusy,
                       CoreBudget sourceCores, CoreBudget targetCores, CoreBudget engineCores,
                       Optional<Double> sourceRead, Optional<Double> sourceWritten,
                       Optional<Double> targetRead, Optional<Double> targetWritten,
                       Optional<Double> targetWal, Optional<Double> copyBytes,
                       WaitProfile sourceWaits, WaitProfile targetWaits) {

    static ResourceFigures of(ConfigurationStats c) {
        List<TrialRecord> trials = c.measured().stream().map(TrialResult::trial).toList();
        TrialRecord any = c.representative();
        int host = any.host().logicalCores();
        return new ResourceFigures(
                busy(c, ResourceUsage::sourceCpuSeconds), busy(c, ResourceUsage::targetCpuSeconds),
                busy(c, ResourceUsage::engineCpuSeconds),
                CoreBudget.of(any.sourceLimitsRequested(), host), CoreBudget.of(any.targetLimitsRequested(), host),
                CoreBudget.of("", host),
                median(c, t -> asDouble(t.resources().sourceReadBytes())),
                median(c, t -> asDouble(t.resources().sourceWriteBytes())),
                median(c, t -> asDouble(t.resources().targetReadBytes())),
                median(c, t -> asDouble(t.resources().targetWriteBytes())),
                median(c, t -> asDouble(t.resources().targetWalBytes())),
                median(c, t -> asDouble(t.bytes())),
                pooled(trials, ResourceUsage::sourceWaits), pooled(trials, ResourceUsage::targetWaits));
    }

    /** Whether any trial of the configuration carried resource figures (older CSVs have none). */
    boolean measured() {
        return sourceBusy.isPresent() || targetBusy.isPresent() || engineBusy.isPresent() || targetWal.isPresent()
                || sourceWaits.samples() > 0 || targetWaits.samples() > 0;
    }

    private static Optional<Double> busy(ConfigurationStats c, Function<ResourceUsage, Double> cpu) {
        return median(c, t -> {
            Double seconds = cpu.apply(t.resources());
            return seconds == null || t.totalSeconds() == null || t.totalSeconds() <= 0 ? null : seconds / t.totalSeconds();
        });
    }

    private static Optional<Double> median(ConfigurationStats c, Function<TrialRecord, Double> metric) {
        return c.summarize(metric).map(Summary::median);
    }

    private static Double asDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }

    private static WaitProfile pooled(List<TrialRecord> trials, Function<ResourceUsage, WaitProfile> waits) {
        return WaitProfile.merge(trials.stream().map(t -> waits.apply(t.resources())).filter(Objects::nonNull).toList());
    }
}
