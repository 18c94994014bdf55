package io.migbench.engine.sqlserver;

import io.migbench.engine.sqlserver.SqlServerSchema.Check;
import io.migbench.engine.sqlserver.SqlServerSchema.Computed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The T-SQL of the tables' column defaults, computed columns and CHECK constraints, one query per kind for all
 * tables of the schemas, from {@code sys.default_constraints}, {@code sys.computed_columns} and
 * {@code sys.check_constraints}; where this server does not show one of those (probed once), from
 * {@code INFORMATION_SCHEMA} (defaults, checks: then every check counts as enabled and trusted), or not at all
 * (computed columns: then known only as computed, from {@code sys.columns.is_computed}). Column names are matched
 * case-insensitively, as T-SQL does (Babelfish shows them lower-cased in {@code sys.computed_columns}).
 */
final class SqlServerExpressionCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerExpressionCatalog.class);
    private static final String IN_SCHEMAS = """
            JOIN sys.tables t ON t.object_id = %s JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0 AND s.name IN (%s)""";
    private static final String DEFAULTS = """
            SELECT d.parent_object_id, c.name, d.definition FROM sys.default_constraints d
            JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
            """ + IN_SCHEMAS.formatted("d.parent_object_id", "%s");
    private static final String DEFAULTS_FROM_INFORMATION_SCHEMA = """
            SELECT OBJECT_ID(QUOTENAME(TABLE_SCHEMA) + '.' + QUOTENAME(TABLE_NAME)), COLUMN_NAME, COLUMN_DEFAULT
            FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_DEFAULT IS NOT NULL AND TABLE_SCHEMA IN (%s)""";
    private static final String COMPUTED = """
            SELECT cc.object_id, cc.name, cc.definition, cc.is_persisted FROM sys.computed_columns cc
            """ + IN_SCHEMAS.formatted("cc.object_id", "%s");
    private static final String CHECKS = """
            SELECT k.parent_object_id, k.name, k.definition, k.is_disabled, k.is_not_trusted FROM sys.check_constraints k
            """ + IN_SCHEMAS.formatted("k.parent_object_id", "%s") + " ORDER BY k.parent_object_id, k.name";
    private static final String CHECK_NAMES = """
            SELECT k.parent_object_id, k.name, k.object_id, k.is_disabled, k.is_not_trusted FROM sys.check_constraints k
            """ + IN_SCHEMAS.formatted("k.parent_object_id", "%s") + " ORDER BY k.parent_object_id, k.name";
    private static final String CHECKS_FROM_INFORMATION_SCHEMA = """
            SELECT OBJECT_ID(QUOTENAME(tc.TABLE_SCHEMA) + '.' + QUOTENAME(tc.TABLE_NAME)), cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
            FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
              ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA IN (%s) ORDER BY 1, 2""";

    /** The expressions found, by table object id and (for columns) column name. */
    record Found(Map<Integer, Map<String, String>> defaults, Map<Integer, Map<String, Computed>> computed,
                 Map<Integer, List<Check>> checks) {
        Map<String, String> defaults(int table) {
            return defaults.getOrDefault(table, Map.of());
        }

        Map<String, Computed> computed(int table) {
            return computed.getOrDefault(table, Map.of());
        }

        List<Check> checks(int table) {
            return checks.getOrDefault(table, List.of());
        }
    }

    private final Connection connection;
    private final CatalogProbe probe;

    SqlServerExpressionCatalog(Connection connection, CatalogProbe probe) {
        this.connection = connection;
        this.probe = probe;
    }

    Found read(List<String> schemas) throws SQLException {
        Map<Integer, Map<String, String>> defaults = new HashMap<>();
        String defaultsSql = probe.readable("sys.default_constraints",
                "SELECT TOP (0) parent_object_id, parent_column_id, definition FROM sys.default_constraints")
                ? DEFAULTS : DEFAULTS_FROM_INFORMATION_SCHEMA;
        CatalogQuery.forSchemas(connection, defaultsSql, schemas, rs -> defaults
                .computeIfAbsent(rs.getInt(1), id -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(rs.getString(2), rs.getString(3)));
        Map<Integer, Map<String, Computed>> computed = new HashMap<>();
        if (probe.readable("sys.computed_columns", "SELECT TOP (0) object_id, name, definition, is_persisted FROM sys.computed_columns")) {
            CatalogQuery.forSchemas(connection, COMPUTED, schemas, rs -> computed
                    .computeIfAbsent(rs.getInt(1), id -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                    .put(rs.getString(2), new Computed(rs.getString(3), rs.getBoolean(4))));
        }
        Map<Integer, List<Check>> checks = new HashMap<>();
        if (probe.readable("sys.check_constraints",
                "SELECT TOP (0) parent_object_id, name, definition, is_disabled, is_not_trusted FROM sys.check_constraints")) {
            try {
                CatalogQuery.forSchemas(connection, CHECKS, schemas, rs -> checks.computeIfAbsent(rs.getInt(1), id -> new ArrayList<>())
                        .add(new Check(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5))));
            } catch (SQLException e) {
                probe.failed("sys.check_constraints.definition of all checks at once", e);
                checks.clear();
                checksOneByOne(schemas, checks);
            }
        } else {
            CatalogQuery.forSchemas(connection, CHECKS_FROM_INFORMATION_SCHEMA, schemas, rs -> checks
                    .computeIfAbsent(rs.getInt(1), id -> new ArrayList<>()).add(new Check(rs.getString(2), rs.getString(3), false, false)));
        }
        return new Found(defaults, computed, checks);
    }

    /**
     * Each check's definition read alone, when the server cannot show them all at once (Babelfish 4.4 fails on the
     * definition of an {@code IN} list): a definition it cannot show is {@code null}, its check listed as not migrated.
     */
    private void checksOneByOne(List<String> schemas, Map<Integer, List<Check>> checks) throws SQLException {
        record Named(int table, String name, int objectId, boolean disabled, boolean notTrusted) {}
        List<Named> named = new ArrayList<>();
        CatalogQuery.forSchemas(connection, CHECK_NAMES, schemas, rs -> named.add(new Named(rs.getInt(1), rs.getString(2),
                rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5))));
        try (PreparedStatement ps = connection.prepareStatement("SELECT definition FROM sys.check_constraints WHERE object_id = ?")) {
            for (Named k : named) {
                String definition;
                ps.setInt(1, k.objectId());
                try (ResultSet rs = ps.executeQuery()) {
                    definition = rs.next() ? rs.getString(1) : null;
                } catch (SQLException e) {
                    LOG.warn("the definition of check {} is not readable here (SQLState {}): {}", k.name(), e.getSQLState(),
                            e.getMessage());
                    definition = null;
                }
                checks.computeIfAbsent(k.table(), id -> new ArrayList<>())
                        .add(new Check(k.name(), definition, k.disabled(), k.notTrusted()));
            }
        }
    }
}
