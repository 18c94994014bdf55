package io.migbench.engine.sqlserver;

import io.migbench.engine.sqlserver.SqlServerSchema.Check;

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

/**
 * Where the T-SQL of the tables' column defaults, computed columns and CHECK constraints is read from, by the best
 * path this server shows (each catalog view probed once): defaults from {@code sys.default_constraints}, else
 * {@code INFORMATION_SCHEMA.COLUMNS}; computed columns from {@code sys.computed_columns}, else known only as computed
 * ({@code sys.columns.is_computed}, values copied), joined into the columns query of {@link SqlServerSchemaReader};
 * defaults in a query of their own. Checks from {@code sys.check_constraints} in one query for all tables; when the
 * server cannot show every definition at once, one by one; without that view from {@code INFORMATION_SCHEMA}, every
 * check then counting as enabled and trusted.
 */
final class SqlServerExpressionCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerExpressionCatalog.class);
    private static final String IN_SCHEMAS = """
            JOIN sys.tables t ON t.object_id = %s JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0 AND s.name IN (%s)""";
    private static final String DEFAULTS = """
            SELECT d.parent_object_id, COL_NAME(d.parent_object_id, d.parent_column_id), d.definition
            FROM sys.default_constraints d
            """ + IN_SCHEMAS.formatted("d.parent_object_id", "%s");
    // the name as sys.columns spells it (the key of the columns query), matched under the database's collation:
    // Babelfish's INFORMATION_SCHEMA keeps a name's original case where sys.columns shows it lower-cased
    private static final String DEFAULTS_FROM_INFORMATION_SCHEMA = """
            SELECT c.object_id, c.name, isc.COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS isc
            JOIN sys.columns c ON c.object_id = OBJECT_ID(QUOTENAME(isc.TABLE_SCHEMA) + '.' + QUOTENAME(isc.TABLE_NAME))
             AND c.name = isc.COLUMN_NAME
            WHERE isc.COLUMN_DEFAULT IS NOT NULL AND isc.TABLE_SCHEMA IN (%s)""";
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

    /**
     * What the columns query selects for a computed column's expression and persisted flag, and the join that
     * provides them ({@code c}: sys.columns).
     */
    record ColumnExpressions(String select, String joins) {}

    /** A column of a table, as the defaults are looked up. */
    record ColumnKey(int objectId, String column) {}

    private final Connection connection;
    private final CatalogProbe probe;

    SqlServerExpressionCatalog(Connection connection, CatalogProbe probe) {
        this.connection = connection;
        this.probe = probe;
    }

    ColumnExpressions computedColumns() {
        if (probe.readable("sys.computed_columns", "SELECT TOP (0) object_id, column_id, definition, is_persisted FROM sys.computed_columns")) {
            return new ColumnExpressions("cc.definition, cc.is_persisted",
                    " LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id");
        }
        return new ColumnExpressions("CAST(NULL AS nvarchar(max)), CAST(0 AS bit)", "");
    }

    /**
     * The T-SQL of the schemas' column defaults. A query of its own rather than a join in the columns query:
     * Babelfish 4.4 took 0.87 s for the columns of 200 tables joined to {@code sys.default_constraints} and 0.04 s
     * without it (the defaults alone: 0.01 s).
     */
    Map<ColumnKey, String> defaults(List<String> schemas) throws SQLException {
        Map<ColumnKey, String> defaults = new HashMap<>();
        String sql = probe.readable("sys.default_constraints",
                "SELECT TOP (0) parent_object_id, parent_column_id, definition FROM sys.default_constraints")
                ? DEFAULTS : DEFAULTS_FROM_INFORMATION_SCHEMA;
        CatalogQuery.forSchemas(connection, sql, schemas,
                rs -> defaults.put(new ColumnKey(rs.getInt(1), rs.getString(2)), rs.getString(3)));
        return defaults;
    }

    /** The CHECK constraints of the schemas' tables, by table object id. */
    Map<Integer, List<Check>> checks(List<String> schemas) throws SQLException {
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
        return checks;
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
