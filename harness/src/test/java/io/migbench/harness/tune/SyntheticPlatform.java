package io.migbench.harness.tune;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * A platform whose throughput is a known function of the setting plus Gaussian noise (seeded), each trial
 * advancing a fake clock. Records every call so tests can count and inspect the trials the tuner spent.
 */
final class SyntheticPlatform implements TrialProbe {
    private final ToDoubleFunction<TuningPoint> curve;
    private final double relativeNoise;
    private final Random random;
    private final FakeClock clock;
    private final Duration perTrial;
    final List<String> calls = new ArrayList<>();

    SyntheticPlatform(ToDoubleFunction<TuningPoint> curve, double relativeNoise, long seed, FakeClock clock,
                      Duration perTrial) {
        this.curve = curve;
        this.relativeNoise = relativeNoise;
        this.random = new Random(seed);
        this.clock = clock;
        this.perTrial = perTrial;
    }

    /**
     * Throughput peaking at {@code peakTasks}, falling as a Gaussian of log2(tasks) so that at {@code farTasks}
     * it is {@code peak / farSlowdown}.
     */
    static ToDoubleFunction<TuningPoint> unimodal(double peak, int peakTasks, int farTasks, double farSlowdown) {
        double farDistance = log2(farTasks) - log2(peakTasks);
        double k = Math.log(farSlowdown) / (farDistance * farDistance);
        return p -> {
            double d = log2(p.tasks()) - log2(peakTasks);
            return peak * Math.exp(-k * d * d);
        };
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public double measure(TuningPoint point, int trialNumber) throws Exception {
        clock.advance(perTrial);
        calls.add(point.label() + "#" + trialNumber);
        return curve.applyAsDouble(point) * (1 + relativeNoise * random.nextGaussian());
    }

    long trialsAt(TuningPoint point) {
        return calls.stream().filter(c -> c.startsWith(point.label() + "#")).count();
    }
}
