package io.migbench.engine.plan;

import io.migbench.engine.plan.Partition;

/**
 * What copying one partition produced: rows the source sent, rows the target stored, COPY bytes, and when it
 * ran ({@link System#nanoTime()}; both {@code 0} for partitions finished by an earlier, resumed run).
 */
public record PartitionOutcome(Partition partition, long sourceRows, long targetRows, long bytes,
                               long startNanos, long endNanos) {
    public boolean copiedNow() {
        return endNanos != 0;
    }
}
