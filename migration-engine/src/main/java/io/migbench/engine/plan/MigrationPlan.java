package io.migbench.engine.plan;

import java.util.Comparator;
import java.util.List;

/** All table plans. */
public record MigrationPlan(List<TablePlan> tables) {
    public MigrationPlan {
        tables = List.copyOf(tables);
    }

    /** Every partition, biggest first (longest-processing-time order), so no giant starts last. */
    public List<Partition> partitionsBiggestFirst() {
        return tables.stream().flatMap(t -> t.partitions().stream())
                .sorted(Comparator.comparingLong(Partition::estimatedBytes).reversed()
                        .thenComparing(Partition::table).thenComparingInt(Partition::number))
                .toList();
    }

    public int partitionCount() {
        return tables.stream().mapToInt(t -> t.partitions().size()).sum();
    }

    public long estimatedRows() {
        return tables.stream().mapToLong(t -> t.table().estimatedRows()).sum();
    }
}
