package io.migbench.engine.sqlserver;

import io.migbench.engine.sqlserver.SqlServerSchema.Column;
import io.migbench.engine.sqlserver.SqlServerSchema.ForeignKey;
import io.migbench.engine.sqlserver.SqlServerSchema.Index;
import io.migbench.engine.sqlserver.SqlServerSchema.Table;

import java.util.Collections;
import java.util.List;

/** SQL Server catalog rows as {@link SqlServerSchemaReader} would return them, for tests without SQL Server. */
final class SqlServerCatalogRows {
    private static final SqlServerTypeMapping MAPPING = new SqlServerTypeMapping(TypeOverrides.none());

    private final IdentifierCase naming;

    SqlServerCatalogRows(IdentifierCase naming) {
        this.naming = naming;
    }

    Column column(String table, String name, String type, int maxLength, int precision, int scale, boolean nullable,
                  boolean identity) {
        SqlServerColumnType t = new SqlServerColumnType(type, maxLength, precision, scale);
        return new Column(name, naming.apply(name), t, MAPPING.map("dbo", table, name, t), nullable, identity, null, null);
    }

    Column notNull(String table, String name, String type) {
        return column(table, name, type, defaultLength(type), defaultPrecision(type), defaultScale(type), false, false);
    }

    Column nullable(String table, String name, String type) {
        return column(table, name, type, defaultLength(type), defaultPrecision(type), defaultScale(type), true, false);
    }

    /** {@code c} with a DEFAULT constraint of T-SQL {@code definition}. */
    static Column withDefault(Column c, String definition) {
        return new Column(c.name(), c.targetName(), c.sourceType(), c.targetType(), c.nullable(), c.identity(), definition,
                c.computed());
    }

    /** {@code c} as a computed column of T-SQL {@code definition}. */
    static Column computed(Column c, String definition, boolean persisted) {
        return new Column(c.name(), c.targetName(), c.sourceType(), c.targetType(), c.nullable(), c.identity(), null,
                new SqlServerSchema.Computed(definition, persisted));
    }

    Index uniqueConstraint(String name, String... columns) {
        return new Index(name, naming.apply(name), false, true, true, List.of(columns),
                Collections.nCopies(columns.length, false), List.of(), null, null);
    }

    Index filtered(String name, boolean unique, String filter, String... columns) {
        return new Index(name, naming.apply(name), false, unique, false, List.of(columns),
                Collections.nCopies(columns.length, false), List.of(), filter, null);
    }

    Index primaryKey(String name, String... columns) {
        return new Index(name, naming.apply(name), true, true, false, List.of(columns),
                Collections.nCopies(columns.length, false), List.of(), null, null);
    }

    Index index(String name, boolean unique, List<String> keys, List<Boolean> descending, List<String> included) {
        return new Index(name, naming.apply(name), false, unique, false, keys, descending, included, null, null);
    }

    ForeignKey foreignKey(String name, String column, String referencedTable, String referencedColumn) {
        return foreignKey(name, column, referencedTable, referencedColumn, "NO ACTION", false);
    }

    ForeignKey foreignKey(String name, String column, String referencedTable, String referencedColumn, String onDelete,
                          boolean disabled) {
        return new ForeignKey(name, naming.apply(name), List.of(column), "dbo", referencedTable, List.of(referencedColumn),
                onDelete, "NO ACTION", disabled, false);
    }

    Table table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys, long rows) {
        return table(name, columns, indexes, foreignKeys, List.of(), null, rows);
    }

    Table table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys,
                List<SqlServerSchema.Check> checks, SqlServerSchema.Identity identity, long rows) {
        return new Table("dbo", name, naming.apply("dbo"), naming.apply(name), columns, indexes, foreignKeys, checks,
                identity, rows, rows * 100);
    }

    private static int defaultLength(String type) {
        return switch (type) {
            case "nvarchar" -> 80;
            case "int" -> 4;
            case "bigint", "datetime" -> 8;
            default -> 16;
        };
    }

    private static int defaultPrecision(String type) {
        return switch (type) {
            case "decimal" -> 12;
            case "datetime2" -> 23;
            default -> 10;
        };
    }

    private static int defaultScale(String type) {
        return switch (type) {
            case "decimal" -> 2;
            case "datetime2" -> 3;
            default -> 0;
        };
    }
}
