package io.migbench.harness.sweep;

import io.migbench.harness.scenario.TrialOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which a platform's trials run. Every point's warmups come first; then the measured trials, in
 * {@code trials} rounds. Interleaved: each round visits every point once, in an order drawn from the seed
 * ({@link Random} is specified to give the same sequence for the same seed on every JVM). Blocked: each point's
 * measured trials back to back, in matrix order.
 */
public final class TrialSchedule {
    /** One trial to run: which point, and its slot. */
    public record Entry<P>(P point, TrialSlot slot) {}

    private TrialSchedule() {}

    /** {@code points}: engine settings, or whatever names a point to measure (a source and its settings). */
    public static <P> List<Entry<P>> of(List<P> points, int warmups, int trials, TrialOrder order) {
        List<Entry<P>> out = new ArrayList<>();
        for (P p : points) {
            for (int w = 1; w <= warmups; w++) {
                out.add(new Entry<>(p, TrialSlot.unscheduled(w, true)));
            }
        }
        if (order.mode() == TrialOrder.Mode.BLOCKED) {
            for (int i = 0; i < points.size(); i++) {
                for (int r = 1; r <= trials; r++) {
                    out.add(new Entry<>(points.get(i), new TrialSlot(warmups + r, false, r, i + 1)));
                }
            }
            return out;
        }
        Random random = new Random(order.seed());
        for (int r = 1; r <= trials; r++) {
            List<P> round = new ArrayList<>(points);
            Collections.shuffle(round, random);
            for (int i = 0; i < round.size(); i++) {
                out.add(new Entry<>(round.get(i), new TrialSlot(warmups + r, false, r, i + 1)));
            }
        }
        return out;
    }
}
