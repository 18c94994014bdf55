package io.migbench.harness.tune;

/** The step of the search that measured a point, in the order the tuner runs them. */
public enum TuningPhase {
    /** Powers of two up to the task limit. */
    COARSE,
    /** Task counts between the best one and its measured neighbours, bisecting. */
    REFINE,
    /** Partitions per table at the best task count. */
    PARTITIONS
}
