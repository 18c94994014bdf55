package io.migbench.harness.tune;

import io.migbench.harness.stats.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curve of one tuning search as it grows: runs the trials of a point through the probe, keeps the budget,
 * abandons a point as soon as its interval is clearly below the best's, and remembers every point measured so
 * no setting costs trials twice.
 */
final class Measurements {
    private static final Logger log = LoggerFactory.getLogger(Measurements.class);

    private final TuningOptions options;
    private final TrialProbe probe;
    private final Instant start;
    private final Map<TuningPoint, MeasuredPoint> curve = new LinkedHashMap<>();
    private Duration trialTime = Duration.ZERO;
    private int trials;
    private boolean budgetExhausted;

    Measurements(TuningOptions options, TrialProbe probe) {
        this.options = options;
        this.probe = probe;
        this.start = options.clock().instant();
    }

    /**
     * The point measured (or measured before), or empty when the budget did not allow a single trial of it.
     * A budget cut after the first trial keeps what was measured, marked {@link PointOutcome#CUT_BY_BUDGET}.
     */
    Optional<MeasuredPoint> measure(TuningPoint point, TuningPhase phase) {
        MeasuredPoint known = curve.get(point);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MeasuredPoint> best = best();
        List<Double> values = new ArrayList<>();
        List<FailedTrial> failures = new ArrayList<>();
        PointOutcome outcome = PointOutcome.COMPLETE;
        int run = 0;
        int planned = options.warmupTrials() + options.trialsPerPoint();
        for (int trial = 1; trial <= planned; trial++) {
            if (!budgetAllowsAnotherTrial()) {
                budgetExhausted = true;
                outcome = PointOutcome.CUT_BY_BUDGET;
                break;
            }
            run++;
            Optional<FailedTrial> failure = runTrial(point, trial, values);
            if (failure.isPresent()) {
                failures.add(failure.get());
                outcome = PointOutcome.FAILED;
                break; // a setting that fails once is not one to recommend; more trials of it waste the budget
            }
            if (trial < planned && best.isPresent() && values.size() >= 2
                    && MeasuredPoint.isClearlyBelow(summary(values), best.get().throughput().get())) {
                outcome = PointOutcome.ABANDONED;
                break;
            }
        }
        if (run == 0) {
            return Optional.empty();
        }
        MeasuredPoint measured = new MeasuredPoint(point, phase, outcome,
                values.isEmpty() ? Optional.empty() : Optional.of(summary(values)), failures, run);
        curve.put(point, measured);
        log.info("{} {}", phase, measured.describe());
        return Optional.of(measured);
    }

    private Optional<FailedTrial> runTrial(TuningPoint point, int trial, List<Double> values) {
        boolean warmup = options.isWarmup(trial);
        Instant begin = options.clock().instant();
        try {
            double rowsPerSecond = probe.measure(point, trial);
            if (!Double.isFinite(rowsPerSecond) || rowsPerSecond < 0) {
                return Optional.of(new FailedTrial(trial, warmup, "the probe returned an invalid throughput: "
                        + rowsPerSecond + " rows/s"));
            }
            if (!warmup) {
                values.add(rowsPerSecond);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("tuning interrupted at " + point.label() + " trial " + trial
                    + " after " + trials + " trials and " + elapsed().toSeconds() + " s");
        } catch (Exception e) {
            log.warn("{} trial {} failed: {}", point.label(), trial, e.toString());
            return Optional.of(new FailedTrial(trial, warmup, e.toString()));
        } finally {
            trialTime = trialTime.plus(Duration.between(begin, options.clock().instant()));
            trials++;
        }
    }

    /** Starts a trial only if, at the mean trial time so far, it would end within the budget. */
    private boolean budgetAllowsAnotherTrial() {
        if (budgetExhausted) {
            return false;
        }
        Duration expected = trials == 0 ? Duration.ZERO : trialTime.dividedBy(trials);
        return elapsed().plus(expected).compareTo(options.budget()) <= 0;
    }

    private Summary summary(List<Double> values) {
        return Summary.of(options.confidence(), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The best point so far, by {@link TuningResult#RANKING}. */
    Optional<MeasuredPoint> best() {
        return TuningResult.ranked(points()).stream().findFirst();
    }

    /** The nearest measured plain task-count point below ({@code direction} -1) or above (+1) {@code tasks}. */
    Optional<MeasuredPoint> tasksNeighbour(int tasks, int direction) {
        return curve.values().stream().filter(m -> m.point().isTasksOnly())
                .filter(m -> Integer.signum(m.point().tasks() - tasks) == direction)
                .min((a, b) -> Integer.compare(Math.abs(a.point().tasks() - tasks), Math.abs(b.point().tasks() - tasks)));
    }

    boolean isMeasured(TuningPoint point) {
        return curve.containsKey(point);
    }

    boolean budgetExhausted() {
        return budgetExhausted;
    }

    List<MeasuredPoint> points() {
        return List.copyOf(curve.values());
    }

    Duration elapsed() {
        return Duration.between(start, options.clock().instant());
    }

    TuningResult result() {
        return TuningResult.of(points(), options.confidence(), elapsed(), budgetExhausted);
    }
}
