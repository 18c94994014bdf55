package io.migbench.engine.sqlserver;

import io.migbench.engine.schema.TableName;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;
import io.migbench.engine.sqlserver.SqlServerSchema.Computed;
import io.migbench.engine.sqlserver.SqlServerSchema.ForeignKey;
import io.migbench.engine.sqlserver.SqlServerSchema.Identity;
import io.migbench.engine.sqlserver.SqlServerSchema.Index;
import io.migbench.engine.sqlserver.SqlServerSchema.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code sys.identity_columns}, and the T-SQL of defaults, computed columns and checks through
 * {@link SqlServerExpressionCatalog}) for the chosen schemas and table globs, and maps each column's type through
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
    // alias types resolve to their base system type; CLR types (geography, hierarchyid...) keep their own name;
    // the first %s is the computed expressions' select list, the second their joins
    private static final String COLUMNS = """
            SELECT c.object_id, c.name,
                   CASE WHEN ut.is_user_defined = 1 AND ut.is_assembly_type = 0 THEN TYPE_NAME(c.system_type_id)
                        ELSE ut.name END,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.is_computed, %s
            FROM sys.columns c JOIN sys.types ut ON ut.user_type_id = c.user_type_id
            JOIN sys.tables t ON t.object_id = c.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id%s
            WHERE t.is_ms_shipped = 0 AND s.name IN (%%s) ORDER BY c.object_id, c.column_id""";
    // every index but heaps (type 0) and hypothetical ones; columnstore indexes may list no columns
    private static final String INDEXES = """
            SELECT i.object_id, i.name, i.is_primary_key, i.is_unique, c.name, ic.is_descending_key,
                   ic.is_included_column, i.type, i.is_unique_constraint, i.filter_definition, i.is_disabled
            FROM sys.indexes i
            LEFT JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            LEFT JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            """ + IN_SCHEMAS.formatted("i.object_id", "%s") + """
             AND i.type > 0 AND i.is_hypothetical = 0
            ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id""";
    // COL_NAME rather than two joins of sys.columns: Babelfish builds that view for every column of the database,
    // which made this query 2.5 s with 200 tables and no foreign key (0.7 s without those joins)
    private static final String FOREIGN_KEYS = """
            SELECT fk.parent_object_id, fk.name, COL_NAME(fkc.parent_object_id, fkc.parent_column_id), rs.name, rt.name,
                   COL_NAME(fkc.referenced_object_id, fkc.referenced_column_id), fk.delete_referential_action,
                   fk.update_referential_action, fk.is_disabled, fk.is_not_trusted
            FROM sys.foreign_keys fk
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.tables rt ON rt.object_id = fkc.referenced_object_id
            JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
            """ + IN_SCHEMAS.formatted("fk.parent_object_id", "%s")
            + " ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id";
    private static final String IDENTITY = """
            SELECT ic.object_id, c.name, CONVERT(bigint, ic.seed_value), CONVERT(bigint, ic.increment_value),
                   CONVERT(bigint, ic.last_value)
            FROM sys.identity_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            """ + IN_SCHEMAS.formatted("ic.object_id", "%s");

    private final SqlServerTypeMapping typeMapping;
    private final IdentifierCase identifierCase;
    private final boolean babelfish;

    /**
     * @param babelfish the source is Babelfish, whose catalog reports a computed column of PostgreSQL's unconstrained
     *                  {@code numeric} as {@code decimal(38,38)}: its type is taken from what the server sends
     */
    public SqlServerSchemaReader(SqlServerTypeMapping typeMapping, IdentifierCase identifierCase, boolean babelfish) {
        this.typeMapping = typeMapping;
        this.identifierCase = identifierCase;
        this.babelfish = babelfish;
    }

    private record Found(int objectId, String schema, String name) {}

    /** @param computed the expression of a computed column (its definition may be unknown), else {@code null} */
    private record ColumnRow(String name, SqlServerColumnType type, boolean nullable, boolean identity,
                             String columnDefault, Computed computed) {}

    /** Catalog rows of one table, gathered view by view before the table is assembled. */
    private static final class Parts {
        final List<ColumnRow> columns = new ArrayList<>();
        final Map<String, IndexParts> indexes = new LinkedHashMap<>();
        final Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();
        Identity identity;
    }

    private static final class IndexParts {
        final boolean primaryKey;
        final boolean unique;
        final boolean uniqueConstraint;
        final String filter;
        final String unsupported;
        final List<String> keys = new ArrayList<>();
        final List<Boolean> descending = new ArrayList<>();
        final List<String> included = new ArrayList<>();

        IndexParts(boolean primaryKey, boolean unique, boolean uniqueConstraint, String filter, String unsupported) {
            this.primaryKey = primaryKey;
            this.unique = unique;
            this.uniqueConstraint = uniqueConstraint;
            this.filter = filter;
            this.unsupported = unsupported;
        }
    }

    private static final class ForeignKeyParts {
        final List<String[]> columns = new ArrayList<>();
        final String onDelete;
        final String onUpdate;
        final boolean disabled;
        final boolean notTrusted;

        ForeignKeyParts(String onDelete, String onUpdate, boolean disabled, boolean notTrusted) {
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
            this.disabled = disabled;
            this.notTrusted = notTrusted;
        }
    }

    /**
     * Tables of the given schemas (default {@code dbo} when empty) that {@code accepts} takes (given the source
     * schema and table name), in schema and name order, sized by {@code sizes}, with their defaults, computed
     * columns and checks from {@code expressions}. Rejected tables are not mapped, so an excluded table's
     * unmappable column is no error.
     */
    public List<Table> read(Connection c, List<String> schemas, Predicate<TableName> accepts, SqlServerTableSizes sizes,
                            SqlServerExpressionCatalog expressions) throws SQLException {
        List<String> scope = schemas.isEmpty() ? List.of("dbo") : schemas;
        Map<Integer, Found> found = new LinkedHashMap<>();
        CatalogQuery.forSchemas(c, TABLES, scope, rs -> {
            Found t = new Found(rs.getInt(1), rs.getString(2), rs.getString(3));
            if (accepts.test(new TableName(t.schema(), t.name()))) {
                found.put(t.objectId(), t);
            }
        });
        Map<Integer, Parts> parts = new HashMap<>();
        found.keySet().forEach(id -> parts.put(id, new Parts()));
        SqlServerExpressionCatalog.ColumnExpressions computedSql = expressions.computedColumns();
        Map<SqlServerExpressionCatalog.ColumnKey, String> defaults = expressions.defaults(scope);
        CatalogQuery.forSchemas(c, COLUMNS.formatted(computedSql.select(), computedSql.joins()), scope,
                rs -> with(parts, rs, p -> p.columns.add(new ColumnRow(rs.getString(2),
                        new SqlServerColumnType(rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                        rs.getBoolean(7), rs.getBoolean(8),
                        defaults.get(new SqlServerExpressionCatalog.ColumnKey(rs.getInt(1), rs.getString(2))),
                        rs.getBoolean(9) ? new Computed(rs.getString(10), rs.getBoolean(11)) : null))));
        if (babelfish) {
            for (Found t : found.values()) {
                sentDecimalTypes(c, t, parts.get(t.objectId()).columns);
            }
        }
        CatalogQuery.forSchemas(c, INDEXES, scope, rs -> with(parts, rs, p -> {
            String name = rs.getString(2);
            IndexParts idx = p.indexes.get(name);
            if (idx == null) {
                idx = new IndexParts(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(9), rs.getString(10),
                        unsupported(rs.getInt(8), rs.getBoolean(11)));
                p.indexes.put(name, idx);
            }
            String column = rs.getString(5);
            if (column == null) {
                return;
            }
            if (rs.getBoolean(7)) {
                idx.included.add(column);
            } else {
                idx.keys.add(column);
                idx.descending.add(rs.getBoolean(6));
            }
        }));
        CatalogQuery.forSchemas(c, FOREIGN_KEYS, scope, rs -> with(parts, rs, p -> {
            ForeignKeyParts fk = p.foreignKeys.get(rs.getString(2));
            if (fk == null) {
                fk = new ForeignKeyParts(action(rs.getInt(7)), action(rs.getInt(8)), rs.getBoolean(9), rs.getBoolean(10));
                p.foreignKeys.put(rs.getString(2), fk);
            }
            fk.columns.add(new String[]{rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
        }));
        CatalogQuery.forSchemas(c, IDENTITY, scope, rs -> with(parts, rs, p -> {
            String column = rs.getString(2);
            long seed = rs.getLong(3);
            long increment = rs.getLong(4);
            long last = rs.getLong(5);
            p.identity = new Identity(column, seed, increment, rs.wasNull() ? null : last);
        }));
        Map<Integer, List<SqlServerSchema.Check>> checks = expressions.checks(scope);
        Map<Integer, SqlServerTableSizes.Size> measured = sizes.measure(found.values().stream()
                .map(t -> new SqlServerTableSizes.Sizing(t.objectId(), quoted(t),
                        parts.get(t.objectId()).columns.stream().map(ColumnRow::type).toList()))
                .toList());
        List<Table> tables = new ArrayList<>();
        for (Found t : found.values()) {
            tables.add(table(t, parts.get(t.objectId()), checks.getOrDefault(t.objectId(), List.of()),
                    measured.get(t.objectId())));
        }
        return tables;
    }

    /**
     * Babelfish reports a computed column of unconstrained {@code numeric} as {@code decimal(38,38)} and sends its
     * values at another scale: the type is read from what a zero-row query of the column sends.
     */
    private static void sentDecimalTypes(Connection c, Found t, List<ColumnRow> columns) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            ColumnRow col = columns.get(i);
            SqlServerColumnType type = col.type();
            if (col.computed() != null && type.precision() == 38 && type.scale() == 38
                    && (type.name().equals("decimal") || type.name().equals("numeric"))) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TOP (0) "
                        + SqlServerSql.quote(col.name()) + " FROM " + quoted(t))) {
                    ResultSetMetaData md = rs.getMetaData();
                    columns.set(i, new ColumnRow(col.name(), new SqlServerColumnType(type.name(), type.maxLength(),
                            md.getPrecision(1), md.getScale(1)), col.nullable(), col.identity(), col.columnDefault(),
                            col.computed()));
                }
            }
        }
    }

    /** Why an index of this {@code sys.indexes.type} is not recreated, or {@code null} for a B-tree one. */
    private static String unsupported(int type, boolean disabled) {
        if (disabled) {
            return "disabled in the source";
        }
        return switch (type) {
            case 1, 2 -> null;
            case 3 -> "an XML index";
            case 4 -> "a spatial index";
            case 5, 6 -> "a columnstore index";
            case 7 -> "a hash index of a memory-optimized table";
            default -> "an index of type " + type;
        };
    }

    /** {@code sys.foreign_keys.*_referential_action} as PostgreSQL's words. */
    private static String action(int code) {
        return switch (code) {
            case 1 -> "CASCADE";
            case 2 -> "SET NULL";
            case 3 -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private Table table(Found t, Parts p, List<SqlServerSchema.Check> checks, SqlServerTableSizes.Size size) {
        List<Column> columns = new ArrayList<>();
        for (ColumnRow col : p.columns) {
            columns.add(new Column(col.name(), identifierCase.apply(col.name()), col.type(),
                    typeMapping.map(t.schema(), t.name(), col.name(), col.type()), col.nullable(), col.identity(),
                    col.columnDefault(), col.computed()));
        }
        List<Index> indexes = new ArrayList<>();
        p.indexes.forEach((n, idx) -> indexes.add(new Index(n, identifierCase.apply(n), idx.primaryKey, idx.unique,
                idx.uniqueConstraint, List.copyOf(idx.keys), List.copyOf(idx.descending), List.copyOf(idx.included),
                idx.filter, idx.unsupported)));
        List<ForeignKey> fks = new ArrayList<>();
        p.foreignKeys.forEach((n, fk) -> fks.add(new ForeignKey(n, identifierCase.apply(n),
                fk.columns.stream().map(r -> r[0]).toList(), fk.columns.get(0)[1], fk.columns.get(0)[2],
                fk.columns.stream().map(r -> r[3]).toList(), fk.onDelete, fk.onUpdate, fk.disabled, fk.notTrusted)));
        return new Table(t.schema(), t.name(), identifierCase.apply(t.schema()), identifierCase.apply(t.name()),
                List.copyOf(columns), Collections.unmodifiableList(indexes), List.copyOf(fks),
                List.copyOf(checks), p.identity, size.rows(), size.bytes());
    }

    private static String quoted(Found t) {
        return SqlServerSql.quote(t.schema()) + "." + SqlServerSql.quote(t.name());
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
}
