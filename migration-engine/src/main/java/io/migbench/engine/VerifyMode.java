package io.migbench.engine;

/** How the copied data is checked against the source. */
public enum VerifyMode {
    NONE,
    /** Exact row counts per partition and per table. */
    COUNT,
    /** Counts plus an order-independent checksum of every row, per partition, on both sides. */
    CHECKSUM
}
