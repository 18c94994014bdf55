package io.migbench.engine;

/** How the copied data is checked against the source (what each proves: migration-engine/README.md, Verification). */
public enum VerifyMode {
    NONE,
    /**
     * Per partition, the rows the source's COPY sent against the rows the target acknowledged for the committed COPY
     * (recorded with the partition's done mark); reads nothing in the target's tables.
     */
    ACKNOWLEDGED,
    /** The acknowledged counts plus each table's {@code count(*)} in the target against the source's rows. */
    COUNT,
    /** Counts plus an order-independent checksum of every row, per partition, on both sides. */
    CHECKSUM
}
