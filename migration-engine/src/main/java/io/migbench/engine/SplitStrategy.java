package io.migbench.engine;

/** How a table is divided into partitions. */
public enum SplitStrategy {
    /**
     * Per table: small tables (or tables whose share of the work is at most one task's share) are copied whole
     * with {@code COPY ... FREEZE} into a table truncated in the same transaction; bigger ones are sliced by
     * ctid block ranges on a PostgreSQL source (sequential TID range scans), key ranges otherwise.
     */
    AUTO,
    /** Key ranges on the primary key (or a unique key); tables without a usable key fall back to ctid ranges. */
    KEY,
    /** ctid block ranges (PostgreSQL 14+ TID range scans). */
    CTID,
    /** One COPY per table, with FREEZE. */
    WHOLE_TABLE
}
