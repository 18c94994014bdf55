package io.migbench.harness.tune;

/**
 * Runs one trial of one setting and reports its throughput. The sweep runner implements it with a real
 * migration (reset target, migrate, validate, record the trial row); tests implement it with a synthetic curve.
 *
 * <p>At each point the tuner numbers trials from 1; numbers up to {@link TuningOptions#warmupTrials()} are
 * warmups ({@link TuningOptions#isWarmup(int)}): the probe should record them flagged as such, and the tuner
 * ignores their value. A trial that fails (migration error, failed validation) throws: the tuner records the
 * message, stops measuring that point and never recommends it.
 */
@FunctionalInterface
public interface TrialProbe {

    /**
     * @param point       the setting to run
     * @param trialNumber 1-based trial number at this point (warmups first)
     * @return throughput of the trial in rows per second, finite and not negative
     * @throws Exception when the trial failed
     */
    double measure(TuningPoint point, int trialNumber) throws Exception;
}
