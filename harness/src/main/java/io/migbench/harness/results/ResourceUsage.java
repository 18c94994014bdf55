package io.migbench.harness.results;

/**
 * Where a trial's time went, measured: CPU seconds and storage bytes of each component, the target's WAL and the
 * sampled wait events of both servers' backends. Every value is {@code null} when it was not measured (or the CSV
 * predates these columns); {@code notes} says how each was measured and why something is missing.
 */
public record ResourceUsage(Double sourceCpuSeconds, Double targetCpuSeconds, Double engineCpuSeconds,
                            Long sourceReadBytes, Long sourceWriteBytes, Long targetReadBytes, Long targetWriteBytes,
                            Long targetWalBytes, WaitProfile sourceWaits, WaitProfile targetWaits, String notes) {
    public static final ResourceUsage UNKNOWN =
            new ResourceUsage(null, null, null, null, null, null, null, null, null, null, "");

    public ResourceUsage {
        notes = notes == null ? "" : notes;
    }

    Long sourceWaitSamples() {
        return sourceWaits == null ? null : sourceWaits.samples();
    }

    Long targetWaitSamples() {
        return targetWaits == null ? null : targetWaits.samples();
    }

    String sourceWaitShares() {
        return sourceWaits == null ? "" : sourceWaits.sharesText();
    }

    String targetWaitShares() {
        return targetWaits == null ? "" : targetWaits.sharesText();
    }
}
