package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.PgColumnType;

import java.util.List;

/**
 * What {@link SqlServerSchemaReader} found: tables with columns, keys, indexes, foreign keys, identity, defaults,
 * computed columns and CHECK constraints (T-SQL text as the catalog keeps it), and their row count and stored size for
 * planning ({@link SqlServerTableSizes}: measured or estimated).
 */
public final class SqlServerSchema {
    private SqlServerSchema() {}

    /**
     * A column: source name and type, target name and type.
     *
     * @param columnDefault the T-SQL of its DEFAULT constraint, or {@code null}
     * @param computed      its expression when it is a computed column, else {@code null}
     */
    public record Column(String name, String targetName, SqlServerColumnType sourceType, PgColumnType targetType,
                         boolean nullable, boolean identity, String columnDefault, Computed computed) {}

    /** @param definition the T-SQL expression, or {@code null} when the catalog does not show it */
    public record Computed(String definition, boolean persisted) {}

    /**
     * An index; {@code primaryKey} for the PK constraint's index, {@code uniqueConstraint} for a UNIQUE constraint's.
     * Key column order kept, DESC flagged.
     *
     * @param filter the T-SQL {@code WHERE} of a filtered index, or {@code null}
     * @param unsupported why the index is not recreated (XML, spatial, columnstore…), or {@code null}
     */
    public record Index(String name, String targetName, boolean primaryKey, boolean unique, boolean uniqueConstraint,
                        List<String> keyColumns, List<Boolean> descending, List<String> includedColumns, String filter,
                        String unsupported) {}

    /**
     * @param onDelete {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT} or {@code NO ACTION}; likewise onUpdate
     * @param disabled not enforced in the source ({@code NOCHECK CONSTRAINT})
     * @param notTrusted added or re-enabled {@code WITH NOCHECK}: rows may break it
     */
    public record ForeignKey(String name, String targetName, List<String> columns, String referencedSchema,
                             String referencedTable, List<String> referencedColumns, String onDelete, String onUpdate,
                             boolean disabled, boolean notTrusted) {}

    /** A CHECK constraint; {@code disabled} and {@code notTrusted} as for a foreign key. */
    public record Check(String name, String definition, boolean disabled, boolean notTrusted) {}

    /** Identity column state, to reset the target sequence after the load. */
    public record Identity(String column, long seed, long increment, Long lastValue) {}

    public record Table(String schema, String name, String targetSchema, String targetName, List<Column> columns,
                        List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks, Identity identity,
                        long approximateRows, long bytes) {
        /** The primary key's columns in key order, empty when the table has none. */
        public List<String> primaryKey() {
            return indexes.stream().filter(Index::primaryKey).findFirst().map(Index::keyColumns).orElse(List.of());
        }

        /** {@code [schema].[table]}, bracket-quoted for T-SQL. */
        public String quotedSource() {
            return SqlServerSql.quote(schema) + "." + SqlServerSql.quote(name);
        }

        /** {@code schema.table} as users read it in messages. */
        public String displayName() {
            return schema + "." + name;
        }
    }
}
