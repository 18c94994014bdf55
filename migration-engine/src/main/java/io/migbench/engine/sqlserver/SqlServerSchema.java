package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.PgColumnType;

import java.util.List;

/**
 * What {@link SqlServerSchemaReader} found: tables with columns, keys, indexes, foreign keys and identity, and
 * their row count and stored size for planning ({@link SqlServerTableSizes}: measured or estimated).
 */
public final class SqlServerSchema {
    private SqlServerSchema() {}

    /** A column: source name and type, target name and type. */
    public record Column(String name, String targetName, SqlServerColumnType sourceType, PgColumnType targetType,
                         boolean nullable, boolean identity) {}

    /** An index; {@code primaryKey} for the PK constraint's index. Key column order kept, DESC flagged. */
    public record Index(String name, String targetName, boolean primaryKey, boolean unique, List<String> keyColumns,
                        List<Boolean> descending, List<String> includedColumns) {}

    public record ForeignKey(String name, String targetName, List<String> columns, String referencedSchema,
                             String referencedTable, List<String> referencedColumns) {}

    /** Identity column state, to reset the target sequence after the load. */
    public record Identity(String column, long seed, long increment, Long lastValue) {}

    public record Table(String schema, String name, String targetSchema, String targetName, List<Column> columns,
                        List<Index> indexes, List<ForeignKey> foreignKeys, Identity identity, long approximateRows,
                        long bytes) {
        /** The primary key's columns in key order, empty when the table has none. */
        public List<String> primaryKey() {
            return indexes.stream().filter(Index::primaryKey).findFirst().map(Index::keyColumns).orElse(List.of());
        }

        /** {@code [schema].[table]}, bracket-quoted for T-SQL. */
        public String quotedSource() {
            return SqlServerSql.quote(schema) + "." + SqlServerSql.quote(name);
        }
    }
}
