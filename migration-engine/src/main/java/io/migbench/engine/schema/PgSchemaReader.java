package io.migbench.engine.schema;

import io.migbench.engine.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a PostgreSQL source from pg_catalog. Runs with {@code search_path = pg_catalog} so that every name
 * PostgreSQL prints (types, defaults, index and constraint definitions, FK targets) comes out schema-qualified
 * and can be replayed verbatim in the target.
 */
public final class PgSchemaReader implements SchemaReader {
    private static final Logger LOG = LoggerFactory.getLogger(PgSchemaReader.class);
    /** First OID PostgreSQL gives to user objects; binary forms of built-in types carry OIDs that are the same everywhere. */
    private static final int FIRST_NORMAL_OID = 16384;

    private final Connection connection;

    /** @param connection a source connection, ideally inside the migration's snapshot transaction */
    public PgSchemaReader(Connection connection) {
        this.connection = connection;
    }

    @Override
    public SourceSchema read(List<String> schemas, TableFilter filter) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET search_path = pg_catalog");
        }
        refusePartitionedTables(schemas, filter);
        Map<Long, TableName> tables = tables(schemas, filter);
        List<TableDef> defs = new ArrayList<>();
        for (Map.Entry<Long, TableName> t : tables.entrySet()) {
            defs.add(table(t.getKey(), t.getValue(), tables.keySet()));
        }
        return new SourceSchema(schemas, userTypes(schemas), sequences(tables.keySet()), defs, serverVersion());
    }

    private String serverVersion() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    private Map<Long, TableName> tables(List<String> schemas, TableFilter filter) throws SQLException {
        Map<Long, TableName> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'r' AND NOT c.relispartition AND n.nspname = ANY (?)"
                        + " ORDER BY n.nspname, c.relname")) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName name = new TableName(rs.getString(2), rs.getString(3));
                    if (filter.accepts(name)) {
                        out.put(rs.getLong(1), name);
                    }
                }
            }
        }
        return out;
    }

    /** Declaratively partitioned tables are not supported yet: refuse them rather than skip their rows silently. */
    private void refusePartitionedTables(List<String> schemas, TableFilter filter) throws SQLException {
        List<String> refused = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE (c.relkind = 'p' OR c.relispartition) AND n.nspname = ANY (?) ORDER BY 1, 2")) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName name = new TableName(rs.getString(1), rs.getString(2));
                    if (filter.accepts(name)) {
                        refused.add(name.toString());
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new ConfigurationException("excludeTables", "option 'excludeTables': partitioned tables and their partitions are"
                    + " not supported yet: " + refused + "; exclude them to migrate the other tables");
        }
    }

    private TableDef table(long oid, TableName name, Set<Long> migrated) throws SQLException {
        List<ColumnDef> columns = columns(oid);
        List<String> checks = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> splitKey = List.of();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT c.conname, c.contype, pg_get_constraintdef(c.oid), c.confrelid,"
                        + " CASE WHEN c.contype IN ('p', 'u') AND NOT c.condeferrable"
                        + "  THEN pg_get_indexdef(c.conindid) END,"
                        + " (SELECT ic.relname FROM pg_class ic WHERE ic.oid = c.conindid),"
                        + " ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)"
                        + "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)"
                        + " FROM pg_constraint c WHERE c.conrelid = ? AND c.contype IN ('p', 'u', 'x', 'f', 'c')"
                        + " ORDER BY c.contype = 'p' DESC, c.conname")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cname = rs.getString(1);
                    String def = rs.getString(3);
                    List<String> keyColumns = List.of((String[]) rs.getArray(7).getArray());
                    switch (rs.getString(2)) {
                        case "c" -> checks.add("CONSTRAINT " + Sql.ident(cname) + " " + def);
                        case "p" -> {
                            constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.PRIMARY_KEY, def, rs.getString(6), rs.getString(5)));
                            splitKey = keyColumns;
                        }
                        case "u" -> {
                            constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.UNIQUE, def, rs.getString(6), rs.getString(5)));
                            if (splitKey.isEmpty() && keyColumns.stream().allMatch(k -> columnNotNull(columns, k))) {
                                splitKey = keyColumns;
                            }
                        }
                        case "x" -> constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.EXCLUSION, def, null, null));
                        case "f" -> {
                            if (migrated.contains(rs.getLong(4))) {
                                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.FOREIGN_KEY, def, null, null));
                            } else {
                                LOG.warn("foreign key {} of {} references a table that is not migrated; not created",
                                        cname, name);
                            }
                        }
                        default -> throw new IllegalStateException("unexpected constraint type");
                    }
                }
            }
        }
        long[] size = size(oid, name);
        return new TableDef(name, columns, splitKey, checks, constraints, indexes(oid), size[0], size[1]);
    }

    private static boolean columnNotNull(List<ColumnDef> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name) && c.notNull());
    }

    private List<ColumnDef> columns(long oid) throws SQLException {
        List<ColumnDef> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                        + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
                        + " (SELECT s.oid::regclass::text FROM pg_depend dp JOIN pg_class s ON s.oid = dp.refobjid"
                        + "   AND s.relkind = 'S' WHERE dp.classid = 'pg_attrdef'::regclass AND dp.objid = d.oid"
                        + "   AND dp.refclassid = 'pg_class'::regclass LIMIT 1),"
                        + " (SELECT 'COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
                        + "   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"
                        + "   WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation),"
                        + " (t.typtype = 'c' OR (t.typcategory = 'A' AND t.typelem >= " + FIRST_NORMAL_OID + "))"
                        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String identity = rs.getString(5);
                    boolean generated = "s".equals(rs.getString(6));
                    String expr = rs.getString(4);
                    out.add(new ColumnDef(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            generated ? null : expr,
                            identity == null || identity.isEmpty() ? 0 : identity.charAt(0),
                            generated ? expr : null, rs.getString(8), rs.getString(7), !rs.getBoolean(9)));
                }
            }
        }
        return out;
    }

    private List<IndexDef> indexes(long oid) throws SQLException {
        List<IndexDef> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                        + " JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid"
                        + "  AND c.conrelid = i.indrelid) ORDER BY ic.relname")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndexDef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** {rows, bytes}: reltuples when the table was ever analyzed, an exact count otherwise. */
    private long[] size(long oid, TableName name) throws SQLException {
        long rows;
        long bytes;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT reltuples::bigint, pg_relation_size(oid) FROM pg_class WHERE oid = ?")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                bytes = rs.getLong(2);
            }
        }
        if (rows < 0) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM " + name.onlyQuoted())) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        return new long[] {rows, bytes};
    }

    private List<UserTypeDef> userTypes(List<String> schemas) throws SQLException {
        List<UserTypeDef> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT format_type(t.oid, NULL), ARRAY(SELECT e.enumlabel FROM pg_enum e"
                        + "  WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
                        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typtype = 'e' AND n.nspname = ANY (?) ORDER BY t.oid")) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String labels = List.of((String[]) rs.getArray(2).getArray()).stream()
                            .map(Sql::literal).collect(Collectors.joining(", "));
                    out.add(new UserTypeDef(rs.getString(1),
                            "CREATE TYPE " + rs.getString(1) + " AS ENUM (" + labels + ")"));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT format_type(t.oid, NULL), format_type(t.typbasetype, t.typtypmod), t.typnotnull,"
                        + " t.typdefault, (SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' '"
                        + "  || pg_get_constraintdef(c.oid), '' ORDER BY c.conname) FROM pg_constraint c"
                        + "  WHERE c.contypid = t.oid)"
                        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typtype = 'd' AND n.nspname = ANY (?) ORDER BY t.oid")) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ddl = "CREATE DOMAIN " + rs.getString(1) + " AS " + rs.getString(2)
                            + (rs.getString(4) == null ? "" : " DEFAULT " + rs.getString(4))
                            + (rs.getBoolean(3) ? " NOT NULL" : "")
                            + (rs.getString(5) == null ? "" : rs.getString(5));
                    out.add(new UserTypeDef(rs.getString(1), ddl));
                }
            }
        }
        return out;
    }

    private List<SequenceDef> sequences(Set<Long> tableOids) throws SQLException {
        List<SequenceDef> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT DISTINCT s.oid::regclass::text, format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin,"
                        + " q.seqmax, q.seqstart, q.seqcache, q.seqcycle,"
                        + " (SELECT quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || '.' || quote_ident(ta.attname)"
                        + "   FROM pg_depend o JOIN pg_class tc ON tc.oid = o.refobjid"
                        + "   JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
                        + "   JOIN pg_attribute ta ON ta.attrelid = o.refobjid AND ta.attnum = o.refobjsubid"
                        + "   WHERE o.classid = 'pg_class'::regclass AND o.objid = s.oid AND o.deptype = 'a' LIMIT 1)"
                        + " FROM pg_attrdef ad JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid"
                        + "  AND d.refclassid = 'pg_class'::regclass"
                        + " JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'"
                        + " JOIN pg_sequence q ON q.seqrelid = s.oid"
                        + " WHERE ad.adrelid = ANY (?) ORDER BY 1")) {
            ps.setArray(1, connection.createArrayOf("int8", tableOids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ddl = "CREATE SEQUENCE IF NOT EXISTS " + rs.getString(1) + " AS " + rs.getString(2)
                            + " INCREMENT BY " + rs.getLong(3) + " MINVALUE " + rs.getLong(4)
                            + " MAXVALUE " + rs.getLong(5) + " START WITH " + rs.getLong(6)
                            + " CACHE " + rs.getLong(7) + (rs.getBoolean(8) ? " CYCLE" : " NO CYCLE");
                    out.add(new SequenceDef(rs.getString(1), ddl, rs.getString(9)));
                }
            }
        }
        return out;
    }

    private Array textArray(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
