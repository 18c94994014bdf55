package io.migbench.harness.tune;

/** How the measurement of one point ended. */
public enum PointOutcome {
    /** All planned trials ran. */
    COMPLETE,
    /** Stopped early: its confidence interval was already clearly below the best's. */
    ABANDONED,
    /** A trial failed; the point is never recommended. */
    FAILED,
    /** The budget ran out before all planned trials ran. */
    CUT_BY_BUDGET
}
