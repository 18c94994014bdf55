package io.migbench.engine.plan;

import io.migbench.engine.schema.TableDef;

import java.sql.SQLException;
import java.util.List;

/** Reads what the planner needs from the source to cut a table into ranges. */
public interface SplitSampler {
    /**
     * Up to {@code pieces - 1} strictly increasing inner boundaries of the split key, as text per key column,
     * taken at the quantiles of a sample (so skewed or gappy keys still give balanced ranges).
     */
    List<List<String>> keyBoundaries(TableDef table, int pieces) throws SQLException;

    /** Heap blocks of the table, or {@code -1} when the source cannot split by physical location. */
    long heapBlocks(TableDef table) throws SQLException;
}
