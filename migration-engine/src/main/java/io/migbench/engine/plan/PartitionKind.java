package io.migbench.engine.plan;

/** How a partition's rows are selected. */
public enum PartitionKind {
    /** A half-open range of the split key; the same predicate selects the rows in source and target. */
    KEY_RANGE,
    /** A half-open range of heap blocks (ctid); meaningful in the source only. */
    CTID_RANGE,
    /** The whole table in one COPY (with FREEZE, into a table truncated in the same transaction). */
    WHOLE_TABLE
}
