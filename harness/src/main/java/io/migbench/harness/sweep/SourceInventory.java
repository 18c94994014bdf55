package io.migbench.harness.sweep;

import io.migbench.engine.MigrationOptions;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;
import io.migbench.harness.results.SourceTable;
import io.migbench.harness.scenario.DatasetSpec;
import io.migbench.harness.scenario.Sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source's tables with their sizes, narrowed by the dataset's filters, and which of them the trials copy (and
 * what share): read once per platform, by catalog queries only, so the report can project the full migration.
 */
final class SourceInventory {
    private static final String POSTGRES = """
            SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint, pg_table_size(c.oid), pg_indexes_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = ANY (?)
            ORDER BY 1, 2""";
    private static final String SQLSERVER = """
            SELECT s.name, t.name,
                   SUM(CASE WHEN p.index_id IN (0, 1) THEN p.row_count ELSE 0 END),
                   SUM(CASE WHEN p.index_id IN (0, 1) THEN p.used_page_count ELSE 0 END) * 8192,
                   SUM(CASE WHEN p.index_id > 1 THEN p.used_page_count ELSE 0 END) * 8192
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            JOIN sys.dm_db_partition_stats p ON p.object_id = t.object_id
            WHERE t.is_ms_shipped = 0
            GROUP BY s.name, t.name ORDER BY 1, 2""";
    /**
     * For logins or servers without {@code sys.dm_db_partition_stats} (no VIEW DATABASE STATE; Babelfish): rows from
     * {@code sys.partitions}, sizes unknown (0). The engine itself measures or estimates sizes for its plan.
     */
    private static final String SQLSERVER_ROWS_ONLY = """
            SELECT s.name, t.name, SUM(CASE WHEN p.index_id IN (0, 1) THEN p.rows ELSE 0 END), 0, 0
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            JOIN sys.partitions p ON p.object_id = t.object_id
            WHERE t.is_ms_shipped = 0
            GROUP BY s.name, t.name ORDER BY 1, 2""";
    private static final Logger LOG = LoggerFactory.getLogger(SourceInventory.class);

    private SourceInventory() {}

    /** The dataset's schemas (default: public, or dbo for SQL Server) and table filters, then the sample's selection. */
    static List<SourceTable> read(Connection c, String platform, DatasetSpec dataset) throws SQLException {
        boolean sqlServer = c.getMetaData().getURL().startsWith("jdbc:sqlserver:");
        List<String> schemas = !dataset.schemas().isEmpty() ? dataset.schemas() : List.of(sqlServer ? "dbo" : "public");
        TableFilter filter = new TableFilter(dataset.tables(), dataset.exclude());
        filter = sqlServer ? filter.ignoringCase() : filter;
        List<SourceTable> tables = new ArrayList<>();
        if (!sqlServer) {
            readInto(tables, c, POSTGRES, platform, schemas, filter, false);
        } else {
            try {
                readInto(tables, c, SQLSERVER, platform, schemas, filter, true);
            } catch (SQLException e) {
                LOG.warn("source sizes unknown: sys.dm_db_partition_stats is not readable ({}, SQLState {}); "
                        + "rows from sys.partitions, COUNT_BIG(*) where it shows none", e.getMessage(), e.getSQLState());
                tables.clear();
                readInto(tables, c, SQLSERVER_ROWS_ONLY, platform, schemas, filter, true);
                for (int i = 0; i < tables.size(); i++) {
                    if (tables.get(i).rows() == 0) {
                        tables.set(i, withRows(tables.get(i), countRows(c, tables.get(i))));
                    }
                }
            }
        }
        return select(tables, dataset.sample());
    }

    private static void readInto(List<SourceTable> tables, Connection c, String sql, String platform, List<String> schemas,
                                 TableFilter filter, boolean sqlServer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (!sqlServer) {
                ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName name = new TableName(rs.getString(1), rs.getString(2));
                    boolean inSchema = schemas.stream().anyMatch(s -> sqlServer ? s.equalsIgnoreCase(name.schema()) : s.equals(name.schema()));
                    if (inSchema && filter.accepts(name)) {
                        tables.add(new SourceTable(platform, name.schema(), name.name(), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), true, 1.0));
                    }
                }
            }
        }
    }

    /** Babelfish's sys.partitions shows 0 rows until autoanalyze: an exact count then. */
    private static long countRows(Connection c, SourceTable t) throws SQLException {
        String quoted = "[" + t.schema().replace("]", "]]") + "].[" + t.table().replace("]", "]]") + "]";
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT_BIG(*) FROM " + quoted)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static SourceTable withRows(SourceTable t, long rows) {
        return new SourceTable(t.platform(), t.schema(), t.table(), rows, t.tableBytes(), t.indexBytes(), t.copied(),
                t.fraction());
    }

    /**
     * Marks what the trials copy: the {@code largest_tables} largest by heap size, and of each table big enough for
     * the engine to split ({@link MigrationOptions#DEFAULT_PARTITION_THRESHOLD_ROWS} rows) the sample's fraction.
     */
    static List<SourceTable> select(List<SourceTable> tables, Sample sample) {
        Set<String> copied = new HashSet<>();
        tables.stream().sorted(Comparator.comparingLong(SourceTable::tableBytes).reversed().thenComparing(SourceTable::qualifiedName))
                .limit(sample.largestTables() == null ? Long.MAX_VALUE : sample.largestTables())
                .forEach(t -> copied.add(t.qualifiedName()));
        return tables.stream().map(t -> t.withSelection(copied.contains(t.qualifiedName()),
                t.rows() >= MigrationOptions.DEFAULT_PARTITION_THRESHOLD_ROWS ? sample.fraction() : 1.0)).toList();
    }

    /** The engine's include list for a {@code largest_tables} sample; empty when every table is copied. */
    static List<String> includeList(List<SourceTable> tables, Sample sample) {
        if (sample.largestTables() == null) {
            return List.of();
        }
        return tables.stream().filter(SourceTable::copied).map(SourceTable::qualifiedName).toList();
    }
}
