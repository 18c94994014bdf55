package io.migbench.engine.sqlserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL Server table into key ranges holding about the same number of rows, for any key type and
 * composite keys: boundaries are the keys at row numbers 1 + k·step of the key order (NTILE-like quantiles,
 * robust to gaps and skew). Numbering rows over the primary key is an ordered scan of its index, not a sort;
 * the big range reads themselves have no {@code ORDER BY}, so they never spill to tempdb.
 */
public final class SqlServerRangePlanner {
    private SqlServerRangePlanner() {}

    /** The boundary query: {@code ?} is the step (rows per range). */
    public static String boundarySql(String quotedTable, List<String> keyColumns) {
        String keys = SqlServerSql.quoteAll(keyColumns);
        return "SELECT " + keys + " FROM (SELECT " + keys + ", ROW_NUMBER() OVER (ORDER BY " + keys + ") AS rn FROM "
                + quotedTable + ") q WHERE rn > 1 AND (rn - 1) % ? = 0 ORDER BY rn";
    }

    /**
     * Half-open ranges covering the whole key space: the first open below, the last open above, so rows
     * inserted outside the sampled keys are still read exactly once.
     */
    public static List<KeyRange> plan(Connection c, String quotedTable, List<String> keyColumns, long rowCount,
                                      int partitions) throws SQLException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (keyColumns.isEmpty() || partitions == 1 || rowCount <= partitions) {
            return List.of(new KeyRange(keyColumns, null, null));
        }
        long step = (rowCount + partitions - 1) / partitions;
        List<List<Object>> bounds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(boundarySql(quotedTable, keyColumns))) {
            ps.setLong(1, step);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> key = new ArrayList<>(keyColumns.size());
                    for (int i = 1; i <= keyColumns.size(); i++) {
                        key.add(rs.getObject(i));
                    }
                    bounds.add(key);
                }
            }
        }
        List<KeyRange> ranges = new ArrayList<>(bounds.size() + 1);
        List<Object> lower = null;
        for (List<Object> b : bounds) {
            ranges.add(new KeyRange(keyColumns, lower, b));
            lower = b;
        }
        ranges.add(new KeyRange(keyColumns, lower, null));
        return ranges;
    }
}
