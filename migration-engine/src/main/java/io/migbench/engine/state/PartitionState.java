package io.migbench.engine.state;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.plan.Partition;

/**
 * A partition as recorded in the target: its exact range, its status ({@code pending}, {@code copying} by
 * {@code workerId}, {@code done}: rows committed) and, once done, its counts.
 *
 * @param leaseExpired whether a {@code copying} claim's lease has run out
 */
public record PartitionState(Partition partition, CopyFormat format, String status, long sourceRows, long targetRows,
                             long bytes, String workerId, boolean leaseExpired) {
    public boolean done() {
        return "done".equals(status);
    }
}
