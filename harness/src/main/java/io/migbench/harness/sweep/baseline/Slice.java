package io.migbench.harness.sweep.baseline;

import io.migbench.engine.plan.Partition;
import io.migbench.engine.schema.TableDef;

/** One pipe's work: a ctid block range of a table (or the whole table) and its estimated size in blocks. */
record Slice(TableDef table, Partition range, long blocks) {
    /** "schema.table, ctid blocks [lo, hi)" for messages. */
    String describe() {
        return table.name() + ", " + range.describe();
    }
}
