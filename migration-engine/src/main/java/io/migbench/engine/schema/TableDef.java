package io.migbench.engine.schema;

import java.util.List;

/**
 * A source table: columns, inline checks, the key used for range splits, and the keys, indexes and
 * foreign keys built after the data.
 *
 * @param splitKey       columns of the primary key, or of a unique constraint on NOT NULL columns; empty if none
 * @param checks         {@code CONSTRAINT name CHECK (...)} clauses created with the table
 * @param estimatedRows  planner estimate (pg_class.reltuples, or an exact count when never analyzed)
 * @param bytes          heap size in bytes
 * @param partitionOf    its parent and bound when it is a declarative partition, else {@code null}; such a table
 *                       holds only what it declares itself (inherited columns, keys and indexes come from the parent)
 * @param partitionBy    {@code pg_get_partkeydef} of a partitioned table (which holds no rows), else {@code null}
 */
public record TableDef(TableName name, List<ColumnDef> columns, List<String> splitKey, List<String> checks,
                       List<ConstraintDef> constraints, List<IndexDef> indexes, long estimatedRows, long bytes,
                       PartitionOf partitionOf, String partitionBy) {
    public TableDef {
        columns = List.copyOf(columns);
        splitKey = List.copyOf(splitKey);
        checks = List.copyOf(checks);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
    }

    /** A table outside any partition tree. */
    public TableDef(TableName name, List<ColumnDef> columns, List<String> splitKey, List<String> checks,
                    List<ConstraintDef> constraints, List<IndexDef> indexes, long estimatedRows, long bytes) {
        this(name, columns, splitKey, checks, constraints, indexes, estimatedRows, bytes, null, null);
    }

    /** This table with its foreign keys added {@code NOT VALID}. */
    public TableDef withForeignKeysNotValid() {
        List<ConstraintDef> keys = constraints.stream()
                .map(k -> k.kind() == ConstraintDef.Kind.FOREIGN_KEY ? k.notValid() : k).toList();
        return new TableDef(name, columns, splitKey, checks, keys, indexes, estimatedRows, bytes, partitionOf, partitionBy);
    }

    public boolean partitioned() {
        return partitionBy != null;
    }

    public boolean partition() {
        return partitionOf != null;
    }

    public List<ColumnDef> copiedColumns() {
        return columns.stream().filter(ColumnDef::copied).toList();
    }

    /** Quoted names of the columns the COPY carries, in table order. */
    public List<String> quotedCopiedColumns() {
        return copiedColumns().stream().map(ColumnDef::quotedName).toList();
    }

    /** Quoted names of all columns (generated ones included), for checksums. */
    public List<String> quotedAllColumns() {
        return columns.stream().map(ColumnDef::quotedName).toList();
    }

    public ColumnDef column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no column " + columnName + " in " + name));
    }

    public boolean binaryPortable() {
        return copiedColumns().stream().allMatch(ColumnDef::binaryPortable);
    }
}
