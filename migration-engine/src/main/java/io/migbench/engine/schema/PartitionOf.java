package io.migbench.engine.schema;

/**
 * Where a declarative partition sits in its tree.
 *
 * @param parent the partitioned table it is attached to
 * @param bound  {@code pg_get_expr(relpartbound)}: {@code FOR VALUES ...} or {@code DEFAULT}
 * @param root   the top of its tree (the table a filter selects and the summary groups by)
 */
public record PartitionOf(TableName parent, String bound, TableName root) {
}
