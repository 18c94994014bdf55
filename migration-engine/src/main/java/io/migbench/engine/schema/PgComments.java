package io.migbench.engine.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the comments on relations and their columns as {@code COMMENT ON} statements. */
final class PgComments {
    private final Catalog catalog;

    /** A relation as {@code COMMENT ON} names it: kind ({@code TABLE}, {@code VIEW}, {@code MATERIALIZED VIEW}) and name. */
    record Commented(String kind, TableName name) { }

    PgComments(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Statements by relation OID, the relation's own comment first. */
    Map<Long, List<String>> read(Map<Long, Commented> relations) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        if (relations.isEmpty()) {
            return out;
        }
        for (String[] r : catalog.list("SELECT c.oid, NULL, d.description FROM pg_class c JOIN pg_description d"
                        + " ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 WHERE c.oid = ANY (?)"
                        + " UNION ALL SELECT a.attrelid, a.attname, d.description FROM pg_attribute a JOIN pg_description d"
                        + " ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum"
                        + " WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2 NULLS FIRST",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                catalog.oids(relations.keySet()), catalog.oids(relations.keySet()))) {
            Commented relation = relations.get(Long.parseLong(r[0]));
            String on = r[1] == null ? relation.kind() + " " + relation.name().quoted()
                    : "COLUMN " + relation.name().quoted() + "." + Sql.ident(r[1]);
            out.computeIfAbsent(Long.parseLong(r[0]), k -> new ArrayList<>()).add("COMMENT ON " + on + " IS " + Sql.literal(r[2]));
        }
        return out;
    }
}
