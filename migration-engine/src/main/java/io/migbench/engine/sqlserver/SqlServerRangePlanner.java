package io.migbench.engine.sqlserver;

import io.migbench.engine.sqlserver.SqlServerSchema.Column;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a SQL Server table into key ranges holding about the same number of rows, for composite keys too:
 * boundaries are the keys at row numbers 1 + k·step of the key order (NTILE-like quantiles, robust to gaps and
 * skew). Numbering rows over the primary key is an ordered scan of its index, not a sort; the big range reads
 * themselves have no {@code ORDER BY}, so they never spill to tempdb.
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
     * Up to {@code partitions - 1} strictly increasing inner boundaries, each key value as its target column's
     * PostgreSQL text ({@link KeyBounds}); empty when the table is too small to split.
     */
    static List<List<String>> boundaries(Connection c, String quotedTable, List<Column> key, long rowCount,
                                         int partitions) throws SQLException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        List<List<String>> bounds = new ArrayList<>();
        if (key.isEmpty() || partitions == 1 || rowCount <= partitions) {
            return bounds;
        }
        long step = (rowCount + partitions - 1) / partitions;
        try (PreparedStatement ps = c.prepareStatement(boundarySql(quotedTable, key.stream().map(Column::name).toList()))) {
            ps.setLong(1, step);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> bound = new ArrayList<>(key.size());
                    for (int i = 0; i < key.size(); i++) {
                        Object v = SqlServerRangeReader.readValue(rs, i + 1, key.get(i).targetType());
                        bound.add(KeyBounds.text(v, key.get(i).targetType()));
                    }
                    // keys equal once cut to the target's precision would make an empty range
                    if (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(bound)) {
                        bounds.add(bound);
                    }
                }
            }
        }
        return bounds;
    }
}
