package io.migbench.engine.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists what the engine does not recreate: routines, triggers, policies and row-level security, rules, grants on
 * tables and views (privileges on schemas, types and routines are not carried either: the target's owner has them),
 * publications, extensions (with everything they own), foreign tables, event triggers and extended statistics, for
 * the migrated schemas and relations. Each object is named once.
 */
final class PgNotMigrated {
    private static final String NOT_IN_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = %s"
            + " AND e.objid = %s AND e.deptype = 'e')";

    private final Catalog catalog;

    PgNotMigrated(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @param relations OIDs of the migrated tables and views */
    List<NotMigrated> read(List<String> schemas, Set<Long> relations) throws SQLException {
        List<NotMigrated> out = new ArrayList<>(catalog.list("SELECT p.prokind, p.oid::regprocedure::text FROM pg_proc p"
                        + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY (?)"
                        + NOT_IN_EXTENSION.formatted("'pg_proc'::regclass", "p.oid")
                        // a range type's constructors belong to the type and come back with it
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid"
                        + "  AND i.deptype = 'i') ORDER BY 2",
                rs -> new NotMigrated(switch (rs.getString(1)) {
                    case "p" -> NotMigrated.Kind.PROCEDURE;
                    case "a" -> NotMigrated.Kind.AGGREGATE;
                    default -> NotMigrated.Kind.FUNCTION;
                }, rs.getString(2)), catalog.texts(schemas)));
        String ownTriggers = catalog.majorVersion() >= 13 ? " AND t.tgparentid = 0" : "";
        onRelations(out, NotMigrated.Kind.TRIGGER, "SELECT quote_ident(t.tgname) || ' on ' || t.tgrelid::regclass::text"
                + " FROM pg_trigger t WHERE t.tgrelid = ANY (?) AND NOT t.tgisinternal" + ownTriggers + " ORDER BY 1", relations);
        onRelations(out, NotMigrated.Kind.POLICY, "SELECT quote_ident(p.polname) || ' on ' || p.polrelid::regclass::text"
                + " FROM pg_policy p WHERE p.polrelid = ANY (?) ORDER BY 1", relations);
        onRelations(out, NotMigrated.Kind.ROW_SECURITY, "SELECT 'on ' || c.oid::regclass::text FROM pg_class c"
                + " WHERE c.oid = ANY (?) AND c.relrowsecurity ORDER BY 1", relations);
        onRelations(out, NotMigrated.Kind.RULE, "SELECT quote_ident(r.rulename) || ' on ' || r.ev_class::regclass::text"
                + " FROM pg_rewrite r WHERE r.ev_class = ANY (?) AND r.rulename <> '_RETURN' ORDER BY 1", relations);
        onRelations(out, NotMigrated.Kind.GRANT, "SELECT 'on ' || c.oid::regclass::text FROM pg_class c"
                + " WHERE c.oid = ANY (?) AND c.relacl IS NOT NULL ORDER BY 1", relations);
        out.addAll(catalog.list("SELECT quote_ident(c.relname), quote_ident(n.nspname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'f' AND n.nspname = ANY (?)"
                        + NOT_IN_EXTENSION.formatted("'pg_class'::regclass", "c.oid") + " ORDER BY 2, 1",
                rs -> new NotMigrated(NotMigrated.Kind.FOREIGN_TABLE, rs.getString(2) + "." + rs.getString(1)),
                catalog.texts(schemas)));
        out.addAll(catalog.list("SELECT quote_ident(n.nspname) || '.' || quote_ident(s.stxname) FROM pg_statistic_ext s"
                        + " JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE n.nspname = ANY (?) ORDER BY 1",
                rs -> new NotMigrated(NotMigrated.Kind.STATISTICS, rs.getString(1)), catalog.texts(schemas)));
        out.addAll(catalog.list("SELECT quote_ident(evtname) FROM pg_event_trigger ORDER BY 1",
                rs -> new NotMigrated(NotMigrated.Kind.EVENT_TRIGGER, rs.getString(1))));
        out.addAll(catalog.list("SELECT quote_ident(pubname) FROM pg_publication ORDER BY 1",
                rs -> new NotMigrated(NotMigrated.Kind.PUBLICATION, rs.getString(1))));
        // plpgsql is installed in every database, the target's included
        out.addAll(catalog.list("SELECT quote_ident(extname) FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1",
                rs -> new NotMigrated(NotMigrated.Kind.EXTENSION, rs.getString(1))));
        return out;
    }

    private void onRelations(List<NotMigrated> out, NotMigrated.Kind kind, String sql, Set<Long> relations)
            throws SQLException {
        out.addAll(catalog.list(sql, rs -> new NotMigrated(kind, rs.getString(1)), catalog.oids(relations)));
    }
}
