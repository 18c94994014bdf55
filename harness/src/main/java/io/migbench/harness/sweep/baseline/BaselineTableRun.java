package io.migbench.harness.sweep.baseline;

import io.migbench.engine.schema.TableName;

/**
 * One table of a baseline run.
 *
 * @param targetRows {@code count(*)} in the target after the run
 * @param seconds    from the table's first pipe start to its last pipe end, or {@code null} when the tool does
 *                   not report per-table times
 * @param slices     how many commands copied it (1 for a whole-table copy, 0 when the tool decides)
 */
public record BaselineTableRun(TableName table, long sourceRows, long targetRows, Double seconds, int slices) {
    public boolean countsMatch() {
        return sourceRows == targetRows;
    }
}
