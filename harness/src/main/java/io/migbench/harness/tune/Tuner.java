package io.migbench.harness.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches the setting with the highest median throughput on one platform, spending as few trials as the
 * measurements allow:
 * <ol>
 *   <li><b>coarse</b>: task counts 1, 2, 4, … up to {@code maxTasks} (and {@code maxTasks} itself), ascending;
 *       climbing stops once two consecutive counts are clearly below the best (interval entirely below);</li>
 *   <li><b>refine</b>: the midpoints between the best task count and its measured neighbours (best 8 between 4
 *       and 16: 6 and 12), bisecting again around the new best while a neighbour is still clearly below it
 *       (once all neighbours overlap the best, finer steps cannot be told apart);</li>
 *   <li><b>partitions</b> at the best task count: multiples of it from the options,
 *       ascending, a branch dropped at its first point clearly below the best.</li>
 * </ol>
 * Every point gets {@code warmupTrials + trialsPerPoint} trials unless its interval falls clearly below the best
 * first. The search stops when the budget is spent and reports what it has. A tuner is stateless: each
 * {@link #tune} call is an independent search.
 */
public final class Tuner {
    private static final Logger log = LoggerFactory.getLogger(Tuner.class);
    /** Coarse climbing stops after this many consecutive powers of two clearly below the best. */
    static final int COARSE_PATIENCE = 2;
    /** The partitions branch stops at its first point clearly below the best. */
    static final int SECONDARY_PATIENCE = 1;

    private final TuningOptions options;

    public Tuner(TuningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public TuningOptions options() {
        return options;
    }

    /**
     * Runs the search, calling {@code probe} once per trial, and returns the curve, the recommendation and how
     * sure it is. Failed trials are recorded in the result, never thrown.
     *
     * @throws java.util.concurrent.CancellationException when the probe is interrupted
     */
    public TuningResult tune(TrialProbe probe) {
        Measurements m = new Measurements(options, Objects.requireNonNull(probe, "probe"));
        List<Integer> coarse = options.coarseTasks().isEmpty() ? coarseTasks(options.maxTasks()) : options.coarseTasks();
        climb(m, coarse.stream().map(TuningPoint::ofTasks).toList(),
                TuningPhase.COARSE, COARSE_PATIENCE);
        refine(m);
        m.best().ifPresent(best -> climb(m, partitionPoints(best.point()), TuningPhase.PARTITIONS, SECONDARY_PATIENCE));
        TuningResult result = m.result();
        log.info(result.recommendation());
        return result;
    }

    /** Powers of two up to {@code maxTasks}, then {@code maxTasks} itself when it is not one. */
    static List<Integer> coarseTasks(int maxTasks) {
        List<Integer> out = new ArrayList<>();
        for (int t = 1; t <= maxTasks; t *= 2) {
            out.add(t);
        }
        if (out.get(out.size() - 1) != maxTasks) {
            out.add(maxTasks);
        }
        return out;
    }

    /** Measures {@code points} in order until {@code patience} consecutive ones are clearly below the best. */
    private static void climb(Measurements m, List<TuningPoint> points, TuningPhase phase, int patience) {
        int belowInARow = 0;
        for (TuningPoint point : points) {
            Optional<MeasuredPoint> measured = m.measure(point, phase);
            if (measured.isEmpty()) {
                return; // budget spent
            }
            Optional<MeasuredPoint> best = m.best();
            boolean below = best.isPresent() && !best.get().equals(measured.get())
                    && measured.get().isClearlyBelow(best.get());
            belowInARow = below ? belowInARow + 1 : 0;
            if (belowInARow >= patience) {
                log.info("{}: stopping after {}, clearly below the best {}", phase, point.label(), best.get().point().label());
                return;
            }
        }
    }

    private static void refine(Measurements m) {
        for (int round = 0; !m.budgetExhausted(); round++) {
            Optional<MeasuredPoint> best = m.best();
            if (best.isEmpty()) {
                return;
            }
            int tasks = best.get().point().tasks();
            Optional<MeasuredPoint> lower = m.tasksNeighbour(tasks, -1);
            Optional<MeasuredPoint> upper = m.tasksNeighbour(tasks, +1);
            // the first round always looks between the powers; later rounds only while a neighbour is still
            // clearly below: once all overlap the best, points between them cannot be told apart either
            boolean separated = lower.map(l -> l.isClearlyBelow(best.get())).orElse(false)
                    || upper.map(u -> u.isClearlyBelow(best.get())).orElse(false);
            if (round > 0 && !separated) {
                return;
            }
            TreeSet<Integer> midpoints = new TreeSet<>();
            lower.ifPresent(l -> midpoints.add((l.point().tasks() + tasks) / 2));
            upper.ifPresent(u -> midpoints.add((tasks + u.point().tasks()) / 2));
            List<TuningPoint> fresh = midpoints.stream().map(TuningPoint::ofTasks)
                    .filter(p -> !m.isMeasured(p)).toList();
            if (fresh.isEmpty()) {
                return; // neighbours are adjacent task counts
            }
            fresh.forEach(p -> m.measure(p, TuningPhase.REFINE));
        }
    }

    private List<TuningPoint> partitionPoints(TuningPoint best) {
        return options.partitionFactors().stream().map(f -> best.tasks() * f).distinct().sorted()
                .map(best::withPartitions).toList();
    }

}
