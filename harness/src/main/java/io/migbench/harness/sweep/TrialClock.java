package io.migbench.harness.sweep;

/** Counts finished trials and estimates the time the rest of the sweep needs from the mean so far. */
final class TrialClock {
    private int total;
    private final long startNanos = System.nanoTime();
    private int done;

    TrialClock(int total) {
        this.total = total;
    }

    void trialDone() {
        done++;
    }

    /** Trials that will not run (their engine is unavailable) no longer count towards the ETA. */
    void skip(int trials) {
        total -= trials;
    }

    int total() {
        return total;
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
