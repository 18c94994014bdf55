package io.migbench.engine.plan;

import io.migbench.engine.schema.ColumnDef;
import io.migbench.engine.schema.Sql;
import io.migbench.engine.schema.TableDef;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The WHERE predicate selecting a partition's rows. Key ranges compare the key as a row value
 * ({@code ("a", "b") >= ('x'::text, '1'::integer)}), which is exactly the order the bounds were sampled in;
 * bounds are typed literals, so the predicate means the same in source and target.
 */
public final class RangeSql {
    private RangeSql() {}

    /** The predicate without {@code WHERE}, or {@code null} when the partition is the whole table. */
    public static String predicate(TableDef table, Partition p) {
        List<String> terms = new ArrayList<>(2);
        switch (p.kind()) {
            case WHOLE_TABLE -> { }
            case CTID_RANGE -> {
                if (p.lower() != null) {
                    terms.add("ctid >= '(" + Long.parseLong(p.lower().get(0)) + ",0)'::tid");
                }
                if (p.upper() != null) {
                    terms.add("ctid < '(" + Long.parseLong(p.upper().get(0)) + ",0)'::tid");
                }
            }
            case KEY_RANGE -> {
                List<ColumnDef> key = table.splitKey().stream().map(table::column).toList();
                String columns = key.size() == 1 ? key.get(0).quotedName()
                        : key.stream().map(ColumnDef::quotedName).collect(Collectors.joining(", ", "(", ")"));
                if (p.lower() != null) {
                    terms.add(columns + " >= " + values(key, p.lower()));
                }
                if (p.upper() != null) {
                    terms.add(columns + " < " + values(key, p.upper()));
                }
            }
        }
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    /** {@code " WHERE ..."} or the empty string. */
    public static String whereClause(TableDef table, Partition p) {
        String predicate = predicate(table, p);
        return predicate == null ? "" : " WHERE " + predicate;
    }

    private static String values(List<ColumnDef> key, List<String> bound) {
        if (bound.size() != key.size()) {
            throw new IllegalStateException("bound " + bound + " does not fit key of " + key.size() + " columns");
        }
        List<String> typed = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            typed.add(Sql.literal(bound.get(i)) + "::" + key.get(i).type());
        }
        return key.size() == 1 ? typed.get(0) : typed.stream().collect(Collectors.joining(", ", "(", ")"));
    }
}
