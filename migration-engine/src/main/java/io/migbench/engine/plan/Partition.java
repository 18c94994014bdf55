package io.migbench.engine.plan;

import io.migbench.engine.schema.TableName;

import java.util.List;

/**
 * One unit of copy work: the rows of {@code table} with {@code lower <= bound < upper}.
 * Bounds are text: key values (one per key column) for {@link PartitionKind#KEY_RANGE}, a block number for
 * {@link PartitionKind#CTID_RANGE}; {@code null} means unbounded, so the first and last ranges reach whatever
 * values exist and no row can fall outside the plan.
 */
public record Partition(TableName table, int number, PartitionKind kind, List<String> lower, List<String> upper,
                        long estimatedRows, long estimatedBytes) {
    public Partition {
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }

    /** Human form for messages: {@code [lo, hi)}. */
    public String describe() {
        return switch (kind) {
            case WHOLE_TABLE -> "whole table";
            case CTID_RANGE -> "ctid blocks [" + bound(lower) + ", " + bound(upper) + ")";
            case KEY_RANGE -> "key [" + bound(lower) + ", " + bound(upper) + ")";
        };
    }

    private static String bound(List<String> b) {
        if (b == null) {
            return "unbounded";
        }
        return b.size() == 1 ? b.get(0) : "(" + String.join(", ", b) + ")";
    }
}
