package io.migbench.engine.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the views and materialized views the filter selects, in dependency order. A view that reads a relation the
 * migration leaves out, or calls a function outside pg_catalog (functions are not migrated), cannot be created in
 * the target: it is reported as not migrated, with the reason, and so is every view built on it.
 */
final class PgViews {
    /** @param oids of the views created, so the inventory of what is not migrated covers their rules and grants */
    record Result(List<ViewDef> views, Set<Long> oids, List<NotMigrated> notMigrated) { }

    private record Found(long oid, TableName name, boolean materialized, String query, String options,
                         boolean populated) { }

    private final Catalog catalog;

    PgViews(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @param migrated OIDs of the tables migrated (partitioned ones and partitions included) */
    Result read(List<String> schemas, TableFilter filter, Set<Long> migrated) throws SQLException {
        Map<Long, Found> found = new LinkedHashMap<>();
        for (Found f : catalog.list("SELECT c.oid, n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid),"
                        + " array_to_string(c.reloptions, ', '), c.relispopulated"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_depend e"
                        + "  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')"
                        + " ORDER BY n.nspname, c.relname",
                rs -> new Found(rs.getLong(1), new TableName(rs.getString(2), rs.getString(3)), rs.getBoolean(4),
                        stripSemicolon(rs.getString(5)), rs.getString(6), rs.getBoolean(7)), catalog.texts(schemas))) {
            if (filter.accepts(f.name())) {
                found.put(f.oid(), f);
            }
        }
        if (found.isEmpty()) {
            return new Result(List.of(), Set.of(), List.of());
        }
        Map<Long, Set<Long>> reads = new HashMap<>();
        Map<Long, String> blocker = new HashMap<>();
        for (String[] d : catalog.list("SELECT DISTINCT r.ev_class, d.refobjid, rn.nspname IN ('pg_catalog', 'information_schema'),"
                        + " quote_ident(rn.nspname) || '.' || quote_ident(rc.relname)"
                        + " FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid"
                        + "  AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class"
                        // a composite type's relation comes with the type; sequences are created before the tables
                        + " JOIN pg_class rc ON rc.oid = d.refobjid AND rc.relkind NOT IN ('c', 'S')"
                        + " JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE r.ev_class = ANY (?) ORDER BY 1, 4",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                catalog.oids(found.keySet()))) {
            long view = Long.parseLong(d[0]);
            long rel = Long.parseLong(d[1]);
            reads.computeIfAbsent(view, k -> new HashSet<>()).add(rel);
            if (!"t".equals(d[2]) && !migrated.contains(rel) && !found.containsKey(rel)) {
                blocker.putIfAbsent(view, "reads " + d[3] + ", which is not migrated");
            }
        }
        for (String[] d : catalog.list("SELECT DISTINCT r.ev_class, p.oid::regprocedure::text FROM pg_rewrite r"
                        + " JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid"
                        + "  AND d.refclassid = 'pg_proc'::regclass JOIN pg_proc p ON p.oid = d.refobjid"
                        + " WHERE r.ev_class = ANY (?) AND p.pronamespace <> 'pg_catalog'::regnamespace ORDER BY 1, 2",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, catalog.oids(found.keySet()))) {
            blocker.putIfAbsent(Long.parseLong(d[0]), "uses function " + d[1] + ", which is not migrated");
        }
        Map<Long, Found> ordered = new LinkedHashMap<>();
        for (Found f : DependencyOrder.of(found, reads)) {
            ordered.put(f.oid(), f);
        }
        List<NotMigrated> skipped = new ArrayList<>();
        Map<Long, Found> kept = new LinkedHashMap<>();
        for (Found f : ordered.values()) {
            String reason = blocker.get(f.oid());
            if (reason == null) {
                reason = reads.getOrDefault(f.oid(), Set.of()).stream()
                        .filter(r -> found.containsKey(r) && !kept.containsKey(r)).findFirst()
                        .map(r -> "reads " + found.get(r).name() + ", which is not migrated").orElse(null);
            }
            if (reason == null) {
                kept.put(f.oid(), f);
            } else {
                skipped.add(new NotMigrated(NotMigrated.Kind.VIEW, f.name().toString(), reason));
            }
        }
        return new Result(views(kept), kept.keySet(), skipped);
    }

    private List<ViewDef> views(Map<Long, Found> kept) throws SQLException {
        if (kept.isEmpty()) {
            return List.of();
        }
        Map<Long, List<IndexDef>> indexes = new HashMap<>();
        for (Object[] i : catalog.list("SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                        + " JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ANY (?) ORDER BY ic.relname",
                rs -> new Object[] {rs.getLong(1), new IndexDef(rs.getString(2), rs.getString(3))},
                catalog.oids(kept.keySet()))) {
            indexes.computeIfAbsent((Long) i[0], k -> new ArrayList<>()).add((IndexDef) i[1]);
        }
        Map<Long, PgComments.Commented> names = new LinkedHashMap<>();
        kept.forEach((oid, f) -> names.put(oid, new PgComments.Commented(f.materialized() ? "MATERIALIZED VIEW" : "VIEW", f.name())));
        Map<Long, List<String>> comments = new PgComments(catalog).read(names);
        List<ViewDef> out = new ArrayList<>();
        for (Found f : kept.values()) {
            out.add(new ViewDef(f.name(), f.materialized(), f.query(), f.options(), f.populated(),
                    indexes.getOrDefault(f.oid(), List.of()), comments.getOrDefault(f.oid(), List.of())));
        }
        return out;
    }

    private static String stripSemicolon(String query) {
        String q = query.strip();
        return q.endsWith(";") ? q.substring(0, q.length() - 1) : q;
    }
}
