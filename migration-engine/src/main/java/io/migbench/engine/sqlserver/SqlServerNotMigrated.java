package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists what the engine does not recreate from a SQL Server source, from {@code sys.objects}: views (T-SQL, which
 * PostgreSQL does not run; those the table filter takes), procedures, functions and CLR aggregates, synonyms, DML
 * triggers on migrated tables and on views; database DDL triggers ({@code sys.triggers}); table types and alias
 * types ({@code sys.types}: the columns of an alias type get its base type); grant lists on migrated tables
 * ({@code sys.database_permissions}). A catalog view this server does not show is skipped (recorded by the probe).
 */
final class SqlServerNotMigrated {
    private static final String OBJECTS = """
            SELECT o.type, s.name, o.name, ps.name, p.name, p.type
            FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
            LEFT JOIN sys.objects p ON p.object_id = o.parent_object_id
            LEFT JOIN sys.schemas ps ON ps.schema_id = p.schema_id
            WHERE o.is_ms_shipped = 0 AND s.name IN (%s)
              AND o.type IN ('V', 'P', 'X', 'PC', 'RF', 'FN', 'IF', 'TF', 'FS', 'FT', 'AF', 'SN', 'TR')
            ORDER BY s.name, o.name""";
    private static final String DATABASE_TRIGGERS = "SELECT name FROM sys.triggers WHERE parent_class = 0 AND is_ms_shipped = 0"
            + " ORDER BY name";
    private static final String TYPES = """
            SELECT s.name, t.name, t.is_table_type, TYPE_NAME(t.system_type_id)
            FROM sys.types t JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_user_defined = 1 AND t.is_assembly_type = 0 AND s.name IN (%s) ORDER BY s.name, t.name""";
    private static final String GRANTS = """
            SELECT DISTINCT s.name, o.name FROM sys.database_permissions dp
            JOIN sys.objects o ON o.object_id = dp.major_id JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE dp.class = 1 AND o.type = 'U' AND s.name IN (%s) ORDER BY s.name, o.name""";

    private final Connection connection;
    private final CatalogProbe probe;

    SqlServerNotMigrated(Connection connection, CatalogProbe probe) {
        this.connection = connection;
        this.probe = probe;
    }

    /**
     * @param filter   the table filter (case-insensitive), which views pass too
     * @param migrated the migrated tables, by source schema and name
     */
    List<NotMigrated> read(List<String> schemas, TableFilter filter, Set<TableName> migrated) throws SQLException {
        List<NotMigrated> out = new ArrayList<>();
        probe.attempt("sys.objects", () -> CatalogQuery.forSchemas(connection, OBJECTS, schemas, rs -> {
            String type = rs.getString(1).trim();
            TableName name = new TableName(rs.getString(2), rs.getString(3));
            NotMigrated object = switch (type) {
                case "V" -> filter.accepts(name) ? new NotMigrated(NotMigrated.Kind.VIEW, name.toString(),
                        "T-SQL, not translated") : null;
                case "P", "X", "PC", "RF" -> new NotMigrated(NotMigrated.Kind.PROCEDURE, name.toString());
                case "AF" -> new NotMigrated(NotMigrated.Kind.AGGREGATE, name.toString());
                case "SN" -> new NotMigrated(NotMigrated.Kind.SYNONYM, name.toString());
                case "TR" -> {
                    TableName parent = new TableName(rs.getString(4), rs.getString(5));
                    String parentType = rs.getString(6) == null ? "" : rs.getString(6).trim();
                    yield migrated.contains(parent) || parentType.equals("V") && filter.accepts(parent)
                            ? new NotMigrated(NotMigrated.Kind.TRIGGER, name.name() + " on " + parent) : null;
                }
                default -> new NotMigrated(NotMigrated.Kind.FUNCTION, name.toString());
            };
            if (object != null) {
                out.add(object);
            }
        }));
        probe.attempt("sys.triggers", () -> CatalogQuery.forSchemas(connection, DATABASE_TRIGGERS, List.of(), rs ->
                out.add(new NotMigrated(NotMigrated.Kind.TRIGGER, rs.getString(1) + " on database"))));
        probe.attempt("sys.types", () -> CatalogQuery.forSchemas(connection, TYPES, schemas, rs -> out.add(new NotMigrated(
                NotMigrated.Kind.TYPE, rs.getString(1) + "." + rs.getString(2), rs.getBoolean(3) ? "a table type"
                : "an alias of " + rs.getString(4) + "; its columns get " + rs.getString(4)))));
        probe.attempt("sys.database_permissions", () -> CatalogQuery.forSchemas(connection, GRANTS, schemas, rs -> {
            TableName table = new TableName(rs.getString(1), rs.getString(2));
            if (migrated.contains(table)) {
                out.add(new NotMigrated(NotMigrated.Kind.GRANT, "on " + table));
            }
        }));
        return out;
    }
}
