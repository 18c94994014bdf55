package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.TableName;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;
import io.migbench.engine.sqlserver.SqlServerSchema.ForeignKey;
import io.migbench.engine.sqlserver.SqlServerSchema.Identity;
import io.migbench.engine.sqlserver.SqlServerSchema.Index;
import io.migbench.engine.sqlserver.SqlServerSchema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Discovers user tables from SQL Server's catalog views ({@code sys.tables}, {@code sys.columns},
 * {@code sys.types}, {@code sys.indexes}, {@code sys.index_columns}, {@code sys.foreign_keys},
 * {@code sys.identity_columns}, {@code sys.partitions}) for the chosen schemas and table globs, and maps
 * each column's type through {@link SqlServerTypeMapping} (an unmappable column fails discovery, naming it).
 */
public final class SqlServerSchemaReader {
    private static final String TABLES = """
            SELECT s.name, t.name, t.object_id,
                   (SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = t.object_id AND p.index_id IN (0, 1))
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0 AND s.name = ?
            ORDER BY s.name, t.name""";
    // alias types resolve to their base system type; CLR types (geography, hierarchyid...) keep their own name
    private static final String COLUMNS = """
            SELECT c.name,
                   CASE WHEN ut.is_user_defined = 1 AND ut.is_assembly_type = 0 THEN TYPE_NAME(c.system_type_id)
                        ELSE ut.name END,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.is_computed
            FROM sys.columns c JOIN sys.types ut ON ut.user_type_id = c.user_type_id
            WHERE c.object_id = ? ORDER BY c.column_id""";
    private static final String INDEXES = """
            SELECT i.name, i.is_primary_key, i.is_unique, c.name, ic.is_descending_key, ic.is_included_column
            FROM sys.indexes i
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE i.object_id = ? AND i.type IN (1, 2) AND i.is_hypothetical = 0 AND i.has_filter = 0
            ORDER BY i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id""";
    private static final String FOREIGN_KEYS = """
            SELECT fk.name, pc.name, rs.name, rt.name, rc.name
            FROM sys.foreign_keys fk
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.tables rt ON rt.object_id = fkc.referenced_object_id
            JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
            JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            WHERE fk.parent_object_id = ? ORDER BY fk.name, fkc.constraint_column_id""";
    private static final String IDENTITY = """
            SELECT c.name, CONVERT(bigint, ic.seed_value), CONVERT(bigint, ic.increment_value),
                   CONVERT(bigint, ic.last_value)
            FROM sys.identity_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE ic.object_id = ?""";

    private final SqlServerTypeMapping typeMapping;
    private final IdentifierCase identifierCase;

    public SqlServerSchemaReader(SqlServerTypeMapping typeMapping, IdentifierCase identifierCase) {
        this.typeMapping = typeMapping;
        this.identifierCase = identifierCase;
    }

    /**
     * Tables of the given schemas (default {@code dbo} when empty) that {@code accepts} takes (given the source
     * schema and table name), in schema and name order. Rejected tables are not inspected further, so an
     * excluded table's unmappable column is no error.
     */
    public List<Table> read(Connection c, List<String> schemas, Predicate<TableName> accepts) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (String schema : schemas.isEmpty() ? List.of("dbo") : schemas) {
            try (PreparedStatement ps = c.prepareStatement(TABLES)) {
                ps.setString(1, schema);
                List<Object[]> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(2);
                        if (accepts.test(new TableName(rs.getString(1), name))) {
                            found.add(new Object[]{rs.getString(1), name, rs.getInt(3), rs.getLong(4)});
                        }
                    }
                }
                for (Object[] t : found) {
                    tables.add(table(c, (String) t[0], (String) t[1], (Integer) t[2], (Long) t[3]));
                }
            }
        }
        return tables;
    }

    private Table table(Connection c, String schema, String name, int objectId, long rows) throws SQLException {
        Identity identity = identity(c, objectId);
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setInt(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    SqlServerColumnType type = new SqlServerColumnType(rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5));
                    // computed columns are copied as values: the target has no expression for them
                    columns.add(new Column(column, identifierCase.apply(column),
                            type, typeMapping.map(schema, name, column, type), rs.getBoolean(6), rs.getBoolean(7)));
                }
            }
        }
        return new Table(schema, name, identifierCase.apply(schema), identifierCase.apply(name),
                List.copyOf(columns), indexes(c, objectId), foreignKeys(c, objectId), identity, rows);
    }

    private List<Index> indexes(Connection c, int objectId) throws SQLException {
        Map<String, Object[]> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
            ps.setInt(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] idx = byName.computeIfAbsent(rs.getString(1), n -> new Object[]{
                            rsBoolean(rs, 2), rsBoolean(rs, 3), new ArrayList<String>(), new ArrayList<Boolean>(),
                            new ArrayList<String>()});
                    @SuppressWarnings("unchecked") List<String> keys = (List<String>) idx[2];
                    @SuppressWarnings("unchecked") List<Boolean> desc = (List<Boolean>) idx[3];
                    @SuppressWarnings("unchecked") List<String> included = (List<String>) idx[4];
                    if (rs.getBoolean(6)) {
                        included.add(rs.getString(4));
                    } else {
                        keys.add(rs.getString(4));
                        desc.add(rs.getBoolean(5));
                    }
                }
            }
        }
        List<Index> indexes = new ArrayList<>();
        byName.forEach((n, idx) -> {
            @SuppressWarnings("unchecked") List<String> keys = (List<String>) idx[2];
            @SuppressWarnings("unchecked") List<Boolean> desc = (List<Boolean>) idx[3];
            @SuppressWarnings("unchecked") List<String> included = (List<String>) idx[4];
            indexes.add(new Index(n, identifierCase.apply(n), (Boolean) idx[0], (Boolean) idx[1], List.copyOf(keys),
                    List.copyOf(desc), List.copyOf(included)));
        });
        return Collections.unmodifiableList(indexes);
    }

    private static boolean rsBoolean(ResultSet rs, int column) {
        try {
            return rs.getBoolean(column);
        } catch (SQLException e) {
            throw new IllegalStateException("reading sys.indexes", e);
        }
    }

    private List<ForeignKey> foreignKeys(Connection c, int objectId) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS)) {
            ps.setInt(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(new String[]{
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        List<ForeignKey> fks = new ArrayList<>();
        byName.forEach((n, cols) -> fks.add(new ForeignKey(n, identifierCase.apply(n),
                cols.stream().map(r -> r[0]).toList(), cols.get(0)[1], cols.get(0)[2],
                cols.stream().map(r -> r[3]).toList())));
        return List.copyOf(fks);
    }

    private static Identity identity(Connection c, int objectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IDENTITY)) {
            ps.setInt(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long last = rs.getLong(4);
                return new Identity(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.wasNull() ? null : last);
            }
        }
    }
}
