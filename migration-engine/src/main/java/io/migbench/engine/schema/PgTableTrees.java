package io.migbench.engine.schema;

import io.migbench.engine.EngineOption;
import io.migbench.engine.OptionException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tables to migrate: plain tables and partitioned tables the filter selects, with every partition of a
 * selected partitioned table (at any depth, default partitions included), parents before their partitions. A
 * filter names whole trees: one that would take a partition without its parent, or drop one partition of a
 * migrated tree, is refused (its rows would otherwise be lost without a word).
 */
final class PgTableTrees {
    /** A relation found: {@code relkind} 'r' (rows), 'p' (partitioned) or 'f' (a foreign partition, not copied). */
    record Relation(long oid, TableName name, char relkind, PartitionOf partitionOf, String partitionBy) { }

    private final Catalog catalog;

    PgTableTrees(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Relation> read(List<String> schemas, TableFilter filter) throws SQLException {
        List<Relation> roots = catalog.list("SELECT c.oid, n.nspname, c.relname, c.relkind,"
                        + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)"
                        + " ORDER BY n.nspname, c.relname",
                rs -> new Relation(rs.getLong(1), new TableName(rs.getString(2), rs.getString(3)),
                        rs.getString(4).charAt(0), null, rs.getString(5)), catalog.texts(schemas));
        List<Relation> out = new ArrayList<>();
        for (Relation root : roots) {
            boolean selected = filter.accepts(root.name());
            List<Relation> partitions = root.relkind() == 'p' ? partitions(root) : List.of();
            for (Relation p : partitions) {
                if (selected && filter.excludes(p.name())) {
                    throw new OptionException(EngineOption.EXCLUDE, "matches " + p.name() + ", a partition of "
                            + root.name() + ": a partitioned table is migrated with all its partitions or not at all;"
                            + " exclude " + root.name() + " itself to leave it out");
                }
                if (!selected && filter.includesByName(p.name())) {
                    throw new OptionException(EngineOption.TABLES, "matches " + p.name() + ", a partition of "
                            + root.name() + ", but not the partitioned table; select " + root.name()
                            + " (its partitions come with it)");
                }
            }
            if (selected) {
                out.add(root);
                out.addAll(partitions);
            }
        }
        return out;
    }

    /** The partitions under {@code root}, depth-first, each level in name order. */
    private List<Relation> partitions(Relation root) throws SQLException {
        return catalog.list("WITH RECURSIVE tree(oid, parent, path) AS ("
                        + " SELECT i.inhrelid, i.inhparent, ARRAY[c.relname::text] FROM pg_inherits i"
                        + "  JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ?"
                        + " UNION ALL SELECT i.inhrelid, i.inhparent, t.path || c.relname::text FROM pg_inherits i"
                        + "  JOIN tree t ON i.inhparent = t.oid JOIN pg_class c ON c.oid = i.inhrelid)"
                        + " SELECT c.oid, n.nspname, c.relname, c.relkind, pn.nspname, pc.relname, pg_get_expr(c.relpartbound, c.oid),"
                        + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END"
                        + " FROM tree t JOIN pg_class c ON c.oid = t.oid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_class pc ON pc.oid = t.parent JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
                        + " ORDER BY t.path",
                rs -> new Relation(rs.getLong(1), new TableName(rs.getString(2), rs.getString(3)), rs.getString(4).charAt(0),
                        new PartitionOf(new TableName(rs.getString(5), rs.getString(6)), rs.getString(7), root.name()),
                        rs.getString(8)),
                root.oid());
    }
}
