package io.migbench.harness.sweep;

/** Counts finished trials and estimates the time the rest of the sweep needs from the mean so far. */
final class TrialClock {
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;

    TrialClock(int total) {
        this.total = total;
    }

    void trialDone() {
        done++;
    }

    int done() {
        return done;
    }

    double etaSeconds() {
        if (done == 0) {
            return Double.NaN;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return elapsed / done * (total - done);
    }
}
