package io.migbench.engine.sqlserver;

import java.util.ArrayList;
import java.util.List;

/**
 * A half-open range {@code [lower, upper)} over a (possibly composite) key; a {@code null} bound is open.
 * Bounds are key tuples as read from SQL Server, compared in the key's own order by the server.
 */
public record KeyRange(List<String> keyColumns, List<Object> lower, List<Object> upper) {
    public KeyRange {
        keyColumns = List.copyOf(keyColumns);
        if (lower != null && lower.size() != keyColumns.size() || upper != null && upper.size() != keyColumns.size()) {
            throw new IllegalArgumentException("range bounds must have one value per key column " + keyColumns);
        }
    }

    /**
     * The T-SQL predicate with {@code ?} placeholders (T-SQL has no row-value comparison, so a composite bound
     * is expanded lexicographically), or {@code 1 = 1} for the whole table.
     */
    public String predicate() {
        List<String> parts = new ArrayList<>();
        if (lower != null) {
            parts.add(lexicographic(">", ">="));
        }
        if (upper != null) {
            parts.add(lexicographic("<", "<"));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
    }

    /** Parameters for {@link #predicate()}, in placeholder order. */
    public List<Object> parameters() {
        List<Object> params = new ArrayList<>();
        for (List<Object> bound : java.util.Arrays.asList(lower, upper)) {
            if (bound != null) {
                for (int i = 0; i < keyColumns.size(); i++) {
                    params.addAll(bound.subList(0, i + 1));
                }
            }
        }
        return params;
    }

    /** (k1 op v1) OR (k1 = v1 AND k2 op v2) ... with {@code lastOp} on the last column. */
    private String lexicographic(String strictOp, String lastOp) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            StringBuilder sb = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                sb.append(SqlServerSql.quote(keyColumns.get(j))).append(" = ? AND ");
            }
            sb.append(SqlServerSql.quote(keyColumns.get(i))).append(' ')
                    .append(i == keyColumns.size() - 1 ? lastOp : strictOp).append(" ?)");
            alternatives.add(sb.toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    @Override
    public String toString() {
        return keyColumns + " in [" + (lower == null ? "-inf" : lower) + ", " + (upper == null ? "+inf" : upper) + ")";
    }
}
