package io.migbench.engine.plan;

import io.migbench.engine.schema.Sql;
import io.migbench.engine.schema.TableDef;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Quantiles of a block sample of the key ({@code TABLESAMPLE SYSTEM}) and heap block counts, on PostgreSQL. */
public final class PgSplitSampler implements SplitSampler {
    /** About this many sampled keys per table: enough for even ranges, cheap to sort. */
    static final long SAMPLE_ROWS = 60_000;

    private final Connection connection;
    private final int majorVersion;

    public PgSplitSampler(Connection connection) throws SQLException {
        this.connection = connection;
        this.majorVersion = connection.getMetaData().getDatabaseMajorVersion();
    }

    @Override
    public List<List<String>> keyBoundaries(TableDef table, int pieces) throws SQLException {
        double percent = table.estimatedRows() <= SAMPLE_ROWS ? 100
                : Math.max(0.01, 100.0 * SAMPLE_ROWS / table.estimatedRows());
        List<List<String>> sampled = sample(table, pieces, percent);
        if (sampled.isEmpty() && percent < 100) {
            sampled = sample(table, pieces, 100);
        }
        return sampled;
    }

    private List<List<String>> sample(TableDef table, int pieces, double percent) throws SQLException {
        String keys = Sql.identList(table.splitKey());
        String texts = String.join(", ", table.splitKey().stream().map(k -> Sql.ident(k) + "::text").toList());
        String from = table.name().onlyQuoted()
                + (percent < 100 ? " TABLESAMPLE SYSTEM (" + String.format(java.util.Locale.ROOT, "%.4f", percent) + ")" : "");
        // a row starts a new bucket when floor((rn-1)*P/cnt) changes: those rows are the P-1 inner quantiles
        String sql = "SELECT " + texts + " FROM (SELECT " + keys + ", row_number() OVER (ORDER BY " + keys + ") AS rn,"
                + " count(*) OVER () AS cnt FROM (SELECT " + keys + " FROM " + from + ") s) q"
                + " WHERE rn > 1 AND ((rn - 1) * " + pieces + ") / cnt <> ((rn - 2) * " + pieces + ") / cnt ORDER BY rn";
        List<List<String>> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = table.splitKey().size();
            while (rs.next()) {
                List<String> bound = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    bound.add(rs.getString(i));
                }
                out.add(bound);
            }
        }
        return out;
    }

    @Override
    public long heapBlocks(TableDef table) throws SQLException {
        if (majorVersion < 14) {
            return -1; // TID range scans arrived in 14; before that a ctid range is a full scan per slice
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_relation_size(" + table.name().regclassLiteral()
                     + "::regclass) / current_setting('block_size')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
