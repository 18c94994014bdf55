package io.migbench.engine.plan;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.schema.TableDef;

import java.util.List;

/** How one table is copied: its partitions (all of one kind) and the COPY format used for it. */
public record TablePlan(TableDef table, PartitionKind kind, CopyFormat format, List<Partition> partitions) {
    public TablePlan {
        partitions = List.copyOf(partitions);
    }

    /** Whether a partition's rows can be selected in the target too (for exact resume and per-range checks). */
    public boolean rangesExistInTarget() {
        return kind != PartitionKind.CTID_RANGE;
    }
}
