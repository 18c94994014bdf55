package io.migbench.engine.schema;

import java.util.List;

/**
 * Everything discovered in the source that the target needs, in creation order.
 *
 * @param types             user-defined types, each after the types it uses
 * @param partitionedTables partitioned tables (no rows of their own), each after its parent
 * @param tables            tables holding rows (plain tables and leaf partitions): the units of copy work
 * @param views             views and materialized views, each after the views it reads
 * @param comments          {@code COMMENT ON} statements of tables and columns
 * @param notMigrated       what the engine leaves out, by kind and name
 */
public record SourceSchema(List<String> schemas, List<UserTypeDef> types, List<SequenceDef> sequences,
                           List<TableDef> partitionedTables, List<TableDef> tables, List<ViewDef> views,
                           List<String> comments, List<NotMigrated> notMigrated, String serverVersion) {
    public SourceSchema {
        schemas = List.copyOf(schemas);
        types = List.copyOf(types);
        sequences = List.copyOf(sequences);
        partitionedTables = List.copyOf(partitionedTables);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        comments = List.copyOf(comments);
        notMigrated = List.copyOf(notMigrated);
    }

    /** Plain tables only: what a source without partitions, views or comments provides. */
    public SourceSchema(List<String> schemas, List<UserTypeDef> types, List<SequenceDef> sequences,
                        List<TableDef> tables, String serverVersion) {
        this(schemas, types, sequences, List.of(), tables, List.of(), List.of(), List.of(), serverVersion);
    }

    /**
     * This schema with every foreign key added {@code NOT VALID}: a sample copies a share of each table's ranges, so
     * a child row's parent may not be in the target, and validating the key would fail the migration.
     */
    public SourceSchema withForeignKeysNotValid() {
        return new SourceSchema(schemas, types, sequences,
                partitionedTables.stream().map(TableDef::withForeignKeysNotValid).toList(),
                tables.stream().map(TableDef::withForeignKeysNotValid).toList(), views, comments, notMigrated,
                serverVersion);
    }

    /** Partitioned tables then the tables holding rows: the order they are created in. */
    public List<TableDef> allTables() {
        return java.util.stream.Stream.concat(partitionedTables.stream(), tables.stream()).toList();
    }
}
