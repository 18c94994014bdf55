package io.migbench.engine.schema;

import io.migbench.engine.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

/**
 * Reads a PostgreSQL source from pg_catalog. Runs with {@code search_path = pg_catalog} so that every name
 * PostgreSQL prints (types, defaults, index and constraint definitions, FK targets) comes out schema-qualified
 * and can be replayed verbatim in the target.
 */
public final class PgSchemaReader implements SchemaReader {
    private static final Logger LOG = LoggerFactory.getLogger(PgSchemaReader.class);
    /** First OID PostgreSQL gives to user objects; binary forms of built-in types carry OIDs that are the same everywhere. */
    private static final int FIRST_NORMAL_OID = 16384;

    private static final Pattern ON_ONLY = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX (?:\"(?:[^\"]|\"\")*\"|\\S+) ON )ONLY ");

    private final Connection connection;
    private final Catalog catalog;

    /** @param connection a source connection, ideally inside the migration's snapshot transaction */
    public PgSchemaReader(Connection connection) {
        this.connection = connection;
        this.catalog = new Catalog(connection);
    }

    @Override
    public SourceSchema read(List<String> schemas, TableFilter filter) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET search_path = pg_catalog");
        }
        List<PgTableTrees.Relation> relations = new PgTableTrees(catalog).read(schemas, filter);
        Set<Long> migrated = new LinkedHashSet<>();
        List<NotMigrated> notMigrated = new ArrayList<>();
        for (PgTableTrees.Relation r : relations) {
            if (r.relkind() == 'f') {
                notMigrated.add(new NotMigrated(NotMigrated.Kind.FOREIGN_TABLE, r.name().toString(),
                        "partition of " + r.partitionOf().parent() + "; its rows are not copied"));
            } else {
                migrated.add(r.oid());
            }
        }
        List<TableDef> partitioned = new ArrayList<>();
        List<TableDef> tables = new ArrayList<>();
        Map<Long, PgComments.Commented> commented = new LinkedHashMap<>();
        // one query per catalog for all tables: per-table queries cost a round trip each, seconds at thousands of tables
        Array oids = catalog.oids(migrated);
        Map<Long, List<ColumnDef>> columns = columns(oids);
        Map<Long, List<ConstraintRow>> constraints = constraints(oids);
        Map<Long, List<IndexDef>> indexes = indexes(oids);
        Map<Long, long[]> sizes = sizes(oids);
        for (PgTableTrees.Relation r : relations) {
            if (migrated.contains(r.oid())) {
                TableDef def = table(r, migrated, columns.getOrDefault(r.oid(), List.of()),
                        constraints.getOrDefault(r.oid(), List.of()), indexes.getOrDefault(r.oid(), List.of()),
                        sizes.get(r.oid()));
                (def.partitioned() ? partitioned : tables).add(def);
                commented.put(r.oid(), new PgComments.Commented("TABLE", r.name()));
            }
        }
        PgViews.Result views = new PgViews(catalog).read(schemas, filter, migrated);
        Set<Long> withViews = new LinkedHashSet<>(migrated);
        withViews.addAll(views.oids());
        notMigrated.addAll(views.notMigrated());
        notMigrated.addAll(new PgNotMigrated(catalog).read(schemas, withViews));
        List<String> comments = new PgComments(catalog).read(commented).values().stream().flatMap(List::stream).toList();
        return new SourceSchema(schemas, new PgUserTypes(catalog).read(schemas), sequences(schemas, migrated),
                partitioned, tables, views.views(), comments, notMigrated, serverVersion());
    }

    private String serverVersion() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    /**
     * A partition declares only its own constraints and indexes: those cloned from its parent's
     * ({@code conparentid}, attached indexes, inherited CHECKs) come back when the parent's are created. Its key
     * still serves to split it. A partitioned table's keys cannot be attached {@code USING INDEX}: they are added
     * on the parent, which builds them on every partition.
     */
    private TableDef table(PgTableTrees.Relation r, Set<Long> migrated, List<ColumnDef> columns,
                           List<ConstraintRow> rows, List<IndexDef> indexes, long[] size) throws SQLException {
        boolean partitioned = r.relkind() == 'p';
        List<String> checks = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> splitKey = List.of();
        for (ConstraintRow c : rows) {
            if (c.type().equals("p") || (c.type().equals("u") && splitKey.isEmpty()
                    && c.keyColumns().stream().allMatch(k -> columnNotNull(columns, k)))) {
                splitKey = c.keyColumns();
            }
            if (c.inherited()) {
                continue;
            }
            String indexDef = partitioned ? null : c.indexDef();
            switch (c.type()) {
                // a NOT VALID check may be broken by rows already there: it is added after them, NOT VALID again
                case "c" -> {
                    if (c.validated()) {
                        checks.add("CONSTRAINT " + Sql.ident(c.name()) + " " + c.definition());
                    } else {
                        constraints.add(new ConstraintDef(c.name(), ConstraintDef.Kind.CHECK, c.definition(), null, null));
                    }
                }
                case "p" -> constraints.add(new ConstraintDef(c.name(), ConstraintDef.Kind.PRIMARY_KEY, c.definition(),
                        c.indexName(), indexDef));
                case "u" -> constraints.add(new ConstraintDef(c.name(), ConstraintDef.Kind.UNIQUE, c.definition(),
                        c.indexName(), indexDef));
                case "x" -> constraints.add(new ConstraintDef(c.name(), ConstraintDef.Kind.EXCLUSION, c.definition(), null, null));
                case "f" -> {
                    if (migrated.contains(c.referenced())) {
                        constraints.add(new ConstraintDef(c.name(), ConstraintDef.Kind.FOREIGN_KEY, c.definition(), null, null));
                    } else {
                        LOG.warn("foreign key {} of {} references a table that is not migrated; not created",
                                c.name(), r.name());
                    }
                }
                default -> throw new IllegalStateException("unexpected constraint type");
            }
        }
        long[] rowsAndBytes = partitioned ? new long[] {0, 0} : exactWhenUnanalyzed(size, r.name());
        return new TableDef(r.name(), columns, splitKey, checks, constraints, indexes, rowsAndBytes[0], rowsAndBytes[1],
                r.partitionOf(), r.partitionBy());
    }

    /**
     * A constraint as pg_constraint shows it: {@code inherited} when cloned from a parent (a partition's copy of
     * its parent's key, an inherited CHECK), {@code indexDef} only for a non-deferrable key.
     */
    private record ConstraintRow(String name, String type, String definition, long referenced, String indexDef,
                                 String indexName, List<String> keyColumns, boolean inherited, boolean validated) {}

    private static boolean columnNotNull(List<ColumnDef> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name) && c.notNull());
    }

    private Map<Long, List<ColumnDef>> columns(Array oids) throws SQLException {
        return byRelation("SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                        + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
                        + " (SELECT s.oid::regclass::text FROM pg_depend dp JOIN pg_class s ON s.oid = dp.refobjid"
                        + "   AND s.relkind = 'S' WHERE dp.classid = 'pg_attrdef'::regclass AND dp.objid = d.oid"
                        + "   AND dp.refclassid = 'pg_class'::regclass LIMIT 1),"
                        + " (SELECT 'COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
                        + "   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"
                        + "   WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation),"
                        + " (bt.typtype = 'c' OR (bt.typcategory = 'A' AND bt.typelem >= " + FIRST_NORMAL_OID + "))"
                        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                        // a domain sends its base type's binary form
                        + " JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END"
                        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attrelid = ANY (?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attrelid, a.attnum", oids, rs -> {
            String identity = rs.getString(6);
            boolean generated = "s".equals(rs.getString(7));
            String expr = rs.getString(5);
            return new ColumnDef(rs.getString(2), rs.getString(3), rs.getBoolean(4), generated ? null : expr,
                    identity == null || identity.isEmpty() ? 0 : identity.charAt(0),
                    generated ? expr : null, rs.getString(9), rs.getString(8), !rs.getBoolean(10), null);
        });
    }

    private Map<Long, List<ConstraintRow>> constraints(Array oids) throws SQLException {
        return byRelation("SELECT c.conrelid, c.conname, c.contype, pg_get_constraintdef(c.oid), c.confrelid,"
                        + " CASE WHEN c.contype IN ('p', 'u') AND NOT c.condeferrable"
                        + "  THEN pg_get_indexdef(c.conindid) END,"
                        + " (SELECT ic.relname FROM pg_class ic WHERE ic.oid = c.conindid),"
                        + " ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)"
                        + "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord),"
                        + " c.conparentid <> 0 OR (c.contype = 'c' AND NOT c.conislocal), c.convalidated"
                        + " FROM pg_constraint c WHERE c.conrelid = ANY (?::oid[]) AND c.contype IN ('p', 'u', 'x', 'f', 'c')"
                        + " ORDER BY c.conrelid, c.contype = 'p' DESC, c.conname", oids,
                rs -> new ConstraintRow(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getString(7), List.of((String[]) rs.getArray(8).getArray()), rs.getBoolean(9), rs.getBoolean(10)));
    }

    private Map<Long, List<IndexDef>> indexes(Array oids) throws SQLException {
        return byRelation("SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                        + " JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ANY (?::oid[]) AND NOT ic.relispartition"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid"
                        + "  AND c.conrelid = i.indrelid) ORDER BY i.indrelid, ic.relname", oids,
                rs -> new IndexDef(rs.getString(2), cascading(rs.getString(3))));
    }

    /** Rows of a catalog query over the tables {@code oids}, whose first column is the table's oid, by table in row order. */
    private <T> Map<Long, List<T>> byRelation(String sql, Array oids, Catalog.Row<T> row) throws SQLException {
        Map<Long, List<T>> out = new LinkedHashMap<>();
        for (Map.Entry<Long, T> e : catalog.list(sql, rs -> Map.entry(rs.getLong(1), row.map(rs)), oids)) {
            out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return out;
    }

    /**
     * A partitioned table's index prints as {@code CREATE INDEX i ON ONLY t}, which would build it on the parent
     * alone, invalid; without {@code ONLY} it is built on (or attached to) every partition.
     */
    static String cascading(String indexDef) {
        return ON_ONLY.matcher(indexDef).replaceFirst("$1");
    }

    /** {reltuples, bytes} of each table; reltuples is -1 for a table never analyzed. */
    private Map<Long, long[]> sizes(Array oids) throws SQLException {
        Map<Long, long[]> out = new LinkedHashMap<>();
        byRelation("SELECT oid, reltuples::bigint, pg_relation_size(oid) FROM pg_class WHERE oid = ANY (?::oid[])", oids,
                rs -> new long[] {rs.getLong(2), rs.getLong(3)}).forEach((oid, rows) -> out.put(oid, rows.get(0)));
        return out;
    }

    /** {rows, bytes}: reltuples when the table was ever analyzed, an exact count otherwise. */
    private long[] exactWhenUnanalyzed(long[] size, TableName name) throws SQLException {
        if (size[0] >= 0) {
            return size;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + name.onlyQuoted())) {
            rs.next();
            return new long[] {rs.getLong(1), size[1]};
        }
    }

    /**
     * Sequences the migrated columns' defaults draw from (moved past the copied maximum after the data), then the
     * standalone sequences of the schemas (no owning column, no identity), restored to their current value.
     */
    private List<SequenceDef> sequences(List<String> schemas, Set<Long> tableOids) throws SQLException {
        String select = "SELECT DISTINCT s.oid::regclass::text, 'CREATE SEQUENCE IF NOT EXISTS ' || s.oid::regclass::text"
                + " || ' AS ' || format_type(q.seqtypid, NULL) || ' INCREMENT BY ' || q.seqincrement || ' MINVALUE ' || q.seqmin"
                + " || ' MAXVALUE ' || q.seqmax || ' START WITH ' || q.seqstart || ' CACHE ' || q.seqcache"
                + " || CASE WHEN q.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END,"
                + " (SELECT quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || '.' || quote_ident(ta.attname)"
                + "   FROM pg_depend o JOIN pg_class tc ON tc.oid = o.refobjid"
                + "   JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
                + "   JOIN pg_attribute ta ON ta.attrelid = o.refobjid AND ta.attnum = o.refobjsubid"
                + "   WHERE o.classid = 'pg_class'::regclass AND o.objid = s.oid AND o.deptype = 'a' LIMIT 1)";
        List<SequenceDef> out = new ArrayList<>(catalog.list(select
                        + " FROM pg_attrdef ad JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid"
                        + "  AND d.refclassid = 'pg_class'::regclass"
                        + " JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'"
                        + " JOIN pg_sequence q ON q.seqrelid = s.oid"
                        + " WHERE ad.adrelid = ANY (?) ORDER BY 1",
                rs -> new SequenceDef(rs.getString(1), rs.getString(2), rs.getString(3), null), catalog.oids(tableOids)));
        Set<String> used = new LinkedHashSet<>(out.stream().map(SequenceDef::quotedName).toList());
        for (SequenceDef standalone : catalog.list(select + " FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace"
                        + " JOIN pg_sequence q ON q.seqrelid = s.oid WHERE s.relkind = 'S' AND n.nspname = ANY (?)"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend o WHERE o.classid = 'pg_class'::regclass"
                        + "  AND o.objid = s.oid AND o.deptype IN ('a', 'i', 'e')) ORDER BY 1",
                rs -> new SequenceDef(rs.getString(1), rs.getString(2), null, null), catalog.texts(schemas))) {
            if (used.contains(standalone.quotedName())) {
                continue;
            }
            String current = catalog.list("SELECT 'SELECT setval(' || quote_literal(?) || ', ' || last_value || ', '"
                    + " || is_called || ')' FROM " + standalone.quotedName(), rs -> rs.getString(1), standalone.quotedName()).get(0);
            out.add(new SequenceDef(standalone.quotedName(), standalone.createDdl(), null, current));
        }
        return out;
    }
}
