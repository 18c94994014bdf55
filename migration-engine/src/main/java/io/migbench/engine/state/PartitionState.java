package io.migbench.engine.state;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.plan.Partition;

/** A partition as recorded in the target: its exact range and whether its rows are committed. */
public record PartitionState(Partition partition, CopyFormat format, boolean done, long sourceRows, long targetRows,
                             long bytes) {
}
