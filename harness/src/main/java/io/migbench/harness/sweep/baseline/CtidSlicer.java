package io.migbench.harness.sweep.baseline;

import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.schema.TableDef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts tables into ctid block ranges of about equal size, biggest first, like the physical-limit pipes of
 * issue 3. A slice is the total heap divided by {@value #SLICES_PER_TASK} slices per task (so the last slices
 * even out the tasks' finishing times), but never under the minimum, below which a pipe's process and connection
 * start-up outweighs its copy; a table smaller than one slice is copied whole. The first and last ranges are
 * unbounded, so rows on blocks added since the size was read are still copied.
 */
final class CtidSlicer {
    static final long DEFAULT_MIN_SLICE_BLOCKS = 1024;
    static final int SLICES_PER_TASK = 4;

    private final long minSliceBlocks;

    CtidSlicer(long minSliceBlocks) {
        if (minSliceBlocks < 1) {
            throw new IllegalArgumentException("minSliceBlocks: must be at least 1, got " + minSliceBlocks);
        }
        this.minSliceBlocks = minSliceBlocks;
    }

    /**
     * @param blockSize     the source's block size in bytes
     * @param tidRangeScans whether the source scans ctid ranges without reading the whole table (PostgreSQL 14+);
     *                      without them every table is copied whole
     */
    List<Slice> slices(List<TableDef> tables, int tasks, long blockSize, boolean tidRangeScans) {
        long totalBlocks = tables.stream().mapToLong(t -> t.bytes() / blockSize).sum();
        long sliceBlocks = Math.max(minSliceBlocks, ceilDiv(totalBlocks, (long) tasks * SLICES_PER_TASK));
        List<Slice> out = new ArrayList<>();
        for (TableDef t : tables) {
            long blocks = t.bytes() / blockSize;
            int pieces = tidRangeScans && blocks > sliceBlocks ? (int) ceilDiv(blocks, sliceBlocks) : 1;
            if (pieces == 1) {
                out.add(new Slice(t, new Partition(t.name(), 0, PartitionKind.WHOLE_TABLE, null, null,
                        t.estimatedRows(), t.bytes()), blocks));
                continue;
            }
            for (int i = 0; i < pieces; i++) {
                long lo = blocks * i / pieces;
                long hi = blocks * (i + 1) / pieces;
                out.add(new Slice(t, new Partition(t.name(), i, PartitionKind.CTID_RANGE,
                        i == 0 ? null : List.of(Long.toString(lo)),
                        i == pieces - 1 ? null : List.of(Long.toString(hi)),
                        t.estimatedRows() / pieces, t.bytes() / pieces), hi - lo));
            }
        }
        out.sort(Comparator.comparingLong(Slice::blocks).reversed());
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
