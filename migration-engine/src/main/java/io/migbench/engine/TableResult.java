package io.migbench.engine;

/**
 * Figures for one table.
 *
 * @param partitionOf   the partitioned table (the root of its tree) this partition belongs to, or {@code null}
 * @param sourceRows    rows the source produced for the copy, under the migration's snapshot
 * @param targetRows    rows counted in the target after the copy ({@code -1} when not verified)
 * @param checksumMatch {@code null} unless checksums were verified
 */
public record TableResult(String schema, String table, String partitionOf, long rows, long bytes, int partitions,
                          double copySeconds, double rowsPerSecond, long sourceRows, long targetRows,
                          boolean countMatch, Boolean checksumMatch) {
}
