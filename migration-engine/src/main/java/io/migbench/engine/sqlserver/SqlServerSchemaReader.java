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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Discovers user tables from SQL Server's catalog views ({@code sys.tables}, {@code sys.columns},
 * {@code sys.types}, {@code sys.indexes}, {@code sys.index_columns}, {@code sys.foreign_keys},
 * {@code sys.identity_columns}) for the chosen schemas and table globs, and maps each column's type through
 * {@link SqlServerTypeMapping} (an unmappable column fails discovery, naming it). Each view is read once for
 * all tables of the schemas, so discovery costs the same few round trips for 5 tables or 5,000; row counts and
 * sizes come from {@link SqlServerTableSizes}.
 */
public final class SqlServerSchemaReader {
    /** Restricts a catalog query to user tables of the chosen schemas; {@code %s} is the schema placeholder list. */
    private static final String IN_SCHEMAS = """
            JOIN sys.tables t ON t.object_id = %s JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0 AND s.name IN (%s)""";
    private static final String TABLES = """
            SELECT t.object_id, s.name, t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0 AND s.name IN (%s) ORDER BY s.name, t.name""";
    // alias types resolve to their base system type; CLR types (geography, hierarchyid...) keep their own name
    private static final String COLUMNS = """
            SELECT c.object_id, c.name,
                   CASE WHEN ut.is_user_defined = 1 AND ut.is_assembly_type = 0 THEN TYPE_NAME(c.system_type_id)
                        ELSE ut.name END,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity
            FROM sys.columns c JOIN sys.types ut ON ut.user_type_id = c.user_type_id
            """ + IN_SCHEMAS.formatted("c.object_id", "%s") + " ORDER BY c.object_id, c.column_id";
    private static final String INDEXES = """
            SELECT i.object_id, i.name, i.is_primary_key, i.is_unique, c.name, ic.is_descending_key,
                   ic.is_included_column
            FROM sys.indexes i
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            """ + IN_SCHEMAS.formatted("i.object_id", "%s") + """
             AND i.type IN (1, 2) AND i.is_hypothetical = 0 AND i.has_filter = 0
            ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id""";
    private static final String FOREIGN_KEYS = """
            SELECT fk.parent_object_id, fk.name, pc.name, rs.name, rt.name, rc.name
            FROM sys.foreign_keys fk
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.tables rt ON rt.object_id = fkc.referenced_object_id
            JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
            JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            """ + IN_SCHEMAS.formatted("fk.parent_object_id", "%s")
            + " ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id";
    private static final String IDENTITY = """
            SELECT ic.object_id, c.name, CONVERT(bigint, ic.seed_value), CONVERT(bigint, ic.increment_value),
                   CONVERT(bigint, ic.last_value)
            FROM sys.identity_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            """ + IN_SCHEMAS.formatted("ic.object_id", "%s");

    private final SqlServerTypeMapping typeMapping;
    private final IdentifierCase identifierCase;

    public SqlServerSchemaReader(SqlServerTypeMapping typeMapping, IdentifierCase identifierCase) {
        this.typeMapping = typeMapping;
        this.identifierCase = identifierCase;
    }

    private record Found(int objectId, String schema, String name) {}

    /** Catalog rows of one table, gathered view by view before the table is assembled. */
    private static final class Parts {
        final List<Object[]> columns = new ArrayList<>();
        final Map<String, IndexParts> indexes = new LinkedHashMap<>();
        final Map<String, List<String[]>> foreignKeys = new LinkedHashMap<>();
        Identity identity;
    }

    private static final class IndexParts {
        final boolean primaryKey;
        final boolean unique;
        final List<String> keys = new ArrayList<>();
        final List<Boolean> descending = new ArrayList<>();
        final List<String> included = new ArrayList<>();

        IndexParts(boolean primaryKey, boolean unique) {
            this.primaryKey = primaryKey;
            this.unique = unique;
        }
    }

    /**
     * Tables of the given schemas (default {@code dbo} when empty) that {@code accepts} takes (given the source
     * schema and table name), in schema and name order, sized by {@code sizes}. Rejected tables are not mapped,
     * so an excluded table's unmappable column is no error.
     */
    public List<Table> read(Connection c, List<String> schemas, Predicate<TableName> accepts, SqlServerTableSizes sizes)
            throws SQLException {
        List<String> scope = schemas.isEmpty() ? List.of("dbo") : schemas;
        Map<Integer, Found> found = new LinkedHashMap<>();
        query(c, TABLES, scope, rs -> {
            Found t = new Found(rs.getInt(1), rs.getString(2), rs.getString(3));
            if (accepts.test(new TableName(t.schema(), t.name()))) {
                found.put(t.objectId(), t);
            }
        });
        Map<Integer, Parts> parts = new HashMap<>();
        found.keySet().forEach(id -> parts.put(id, new Parts()));
        query(c, COLUMNS, scope, rs -> with(parts, rs, p -> p.columns.add(new Object[]{rs.getString(2),
                new SqlServerColumnType(rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                rs.getBoolean(7), rs.getBoolean(8)})));
        query(c, INDEXES, scope, rs -> with(parts, rs, p -> {
            String name = rs.getString(2);
            IndexParts idx = p.indexes.get(name);
            if (idx == null) {
                idx = new IndexParts(rs.getBoolean(3), rs.getBoolean(4));
                p.indexes.put(name, idx);
            }
            if (rs.getBoolean(7)) {
                idx.included.add(rs.getString(5));
            } else {
                idx.keys.add(rs.getString(5));
                idx.descending.add(rs.getBoolean(6));
            }
        }));
        query(c, FOREIGN_KEYS, scope, rs -> with(parts, rs, p -> p.foreignKeys
                .computeIfAbsent(rs.getString(2), n -> new ArrayList<>())
                .add(new String[]{rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)})));
        query(c, IDENTITY, scope, rs -> with(parts, rs, p -> {
            String column = rs.getString(2);
            long seed = rs.getLong(3);
            long increment = rs.getLong(4);
            long last = rs.getLong(5);
            p.identity = new Identity(column, seed, increment, rs.wasNull() ? null : last);
        }));
        Map<Integer, SqlServerTableSizes.Size> measured = sizes.measure(found.values().stream()
                .map(t -> new SqlServerTableSizes.Sizing(t.objectId(), quoted(t),
                        parts.get(t.objectId()).columns.stream().map(col -> (SqlServerColumnType) col[1]).toList()))
                .toList());
        List<Table> tables = new ArrayList<>();
        for (Found t : found.values()) {
            tables.add(table(t, parts.get(t.objectId()), measured.get(t.objectId())));
        }
        return tables;
    }

    private Table table(Found t, Parts p, SqlServerTableSizes.Size size) {
        List<Column> columns = new ArrayList<>();
        for (Object[] col : p.columns) {
            String name = (String) col[0];
            SqlServerColumnType type = (SqlServerColumnType) col[1];
            // computed columns are copied as values: the target has no expression for them
            columns.add(new Column(name, identifierCase.apply(name), type,
                    typeMapping.map(t.schema(), t.name(), name, type), (Boolean) col[2], (Boolean) col[3]));
        }
        List<Index> indexes = new ArrayList<>();
        p.indexes.forEach((n, idx) -> indexes.add(new Index(n, identifierCase.apply(n), idx.primaryKey, idx.unique,
                List.copyOf(idx.keys), List.copyOf(idx.descending), List.copyOf(idx.included))));
        List<ForeignKey> fks = new ArrayList<>();
        p.foreignKeys.forEach((n, cols) -> fks.add(new ForeignKey(n, identifierCase.apply(n),
                cols.stream().map(r -> r[0]).toList(), cols.get(0)[1], cols.get(0)[2],
                cols.stream().map(r -> r[3]).toList())));
        return new Table(t.schema(), t.name(), identifierCase.apply(t.schema()), identifierCase.apply(t.name()),
                List.copyOf(columns), Collections.unmodifiableList(indexes), List.copyOf(fks), p.identity,
                size.rows(), size.bytes());
    }

    private static String quoted(Found t) {
        return SqlServerSql.quote(t.schema()) + "." + SqlServerSql.quote(t.name());
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private interface PartsHandler {
        void accept(Parts p) throws SQLException;
    }

    /** Hands a catalog row to its table's parts; rows of tables the filter rejected are skipped. */
    private static void with(Map<Integer, Parts> parts, ResultSet rs, PartsHandler handler) throws SQLException {
        Parts p = parts.get(rs.getInt(1));
        if (p != null) {
            handler.accept(p);
        }
    }

    private static void query(Connection c, String template, List<String> schemas, RowHandler handler)
            throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(schemas.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(template.formatted(placeholders))) {
            for (int i = 0; i < schemas.size(); i++) {
                ps.setString(i + 1, schemas.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }
}
