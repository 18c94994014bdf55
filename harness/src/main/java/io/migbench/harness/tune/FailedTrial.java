package io.migbench.harness.tune;

/**
 * A trial whose probe threw.
 *
 * @param trialNumber the trial's number at its point
 * @param warmup      whether it was a warmup trial
 * @param error       the exception's class and message (as the probe produced it; probes redact secrets)
 */
public record FailedTrial(int trialNumber, boolean warmup, String error) {
}
