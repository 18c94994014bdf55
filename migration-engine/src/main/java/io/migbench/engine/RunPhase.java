package io.migbench.engine;

/**
 * Which part of a migration one invocation runs. Separate processes, on any hosts, run {@link #PLAN} once, then
 * any number of {@link #COPY} workers, then {@link #FINALIZE}; they coordinate only through the target's state
 * tables (schema {@code migbench}). {@link #ALL} runs the same three in one process.
 */
public enum RunPhase {
    /** Plan, copy and finalize in this process (the default). */
    ALL,
    /** Discover, create the target tables, record every partition and the run's identity. */
    PLAN,
    /** Claim partitions one at a time and copy them until none is left. */
    COPY,
    /** Keys, indexes, foreign keys, sequences, ANALYZE, views, verification: once every partition is done. */
    FINALIZE,
    /** Partitions by state and by worker (reads the target only). */
    STATUS
}
