package io.migbench.engine.sqlserver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Row counts and stored sizes of the discovered tables, for planning, one catalog query for all tables, by the
 * best path this server shows (each probed once through {@link CatalogProbe}):
 * <ul>
 *   <li>bytes: used pages of the heap or clustered index (LOB and row-overflow included) from
 *   {@code sys.allocation_units}, else from {@code sys.dm_db_partition_stats} (needs VIEW DATABASE STATE), else
 *   rows × {@link RowWidth} of the declared columns;</li>
 *   <li>rows: {@code sys.partitions.rows}; a table it reports empty, or every table when it is not readable, is
 *   counted with {@code COUNT_BIG(*)} (cheap for a really empty table; Babelfish reports 0 until autoanalyze).</li>
 * </ul>
 * An estimate never fails discovery: which path was taken is in {@link #paths()}, for the plan output.
 */
final class SqlServerTableSizes {
    /** Tables per {@code COUNT_BIG} UNION ALL query: one round trip for many tables, a statement of bounded size. */
    private static final int COUNTS_PER_QUERY = 100;

    /** What the sizes are computed from for one table. */
    record Sizing(int objectId, String quotedName, List<SqlServerColumnType> columns) {}

    record Size(long rows, long bytes) {}

    private enum BytesPath {
        ALLOCATION_UNITS("used pages from sys.allocation_units"),
        PARTITION_STATS("used pages from sys.dm_db_partition_stats"),
        ROW_WIDTH_ESTIMATE("estimated: rows x declared column widths");

        final String description;

        BytesPath(String description) {
            this.description = description;
        }
    }

    private static final String PAGES_BY_ALLOCATION_UNITS = """
            SELECT p.object_id, SUM(a.used_pages) * 8192 FROM sys.partitions p
            JOIN sys.allocation_units a ON a.container_id = p.partition_id
            WHERE p.index_id IN (0, 1) AND p.object_id IN (%s) GROUP BY p.object_id""";
    private static final String PAGES_BY_PARTITION_STATS = """
            SELECT object_id, SUM(used_page_count) * 8192 FROM sys.dm_db_partition_stats
            WHERE index_id IN (0, 1) AND object_id IN (%s) GROUP BY object_id""";
    private static final String ROWS_BY_PARTITIONS = """
            SELECT object_id, SUM(rows) FROM sys.partitions
            WHERE index_id IN (0, 1) AND object_id IN (%s) GROUP BY object_id""";

    private final Connection connection;
    private final CatalogProbe probe;
    private final Map<String, String> failed = new LinkedHashMap<>();
    private BytesPath bytesPath;
    private String rowsPath;

    SqlServerTableSizes(Connection connection, CatalogProbe probe) {
        this.connection = connection;
        this.probe = probe;
    }

    Map<Integer, Size> measure(List<Sizing> tables) {
        Map<Integer, Size> sizes = new HashMap<>();
        if (tables.isEmpty()) {
            return sizes;
        }
        String ids = tables.stream().map(t -> Integer.toString(t.objectId())).collect(Collectors.joining(", "));
        Map<Integer, Long> rows = rows(tables, ids);
        Map<Integer, Long> bytes = pages(ids);
        for (Sizing t : tables) {
            long r = rows.getOrDefault(t.objectId(), 0L);
            long b = bytes == null ? r * RowWidth.estimate(t.columns()) : bytes.getOrDefault(t.objectId(), 0L);
            sizes.put(t.objectId(), new Size(r, b));
        }
        return sizes;
    }

    /** The paths the last {@link #measure} took, and why a better one was not available. */
    String paths() {
        Map<String, String> reasons = new LinkedHashMap<>(probe.missing());
        reasons.replaceAll((feature, reason) -> "not readable (" + reason + ")");
        failed.forEach((query, reason) -> reasons.put(query, "failed (" + reason + ")"));
        String missing = reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
        return "sizes " + (bytesPath == null ? "not measured" : bytesPath.description) + ", rows "
                + (rowsPath == null ? "not counted" : rowsPath) + (missing.isEmpty() ? "" : "; " + missing);
    }

    private Map<Integer, Long> rows(List<Sizing> tables, String ids) {
        Map<Integer, Long> rows = new HashMap<>();
        boolean catalog = probe.readable("sys.partitions", "SELECT TOP (0) object_id, rows FROM sys.partitions")
                && tryQuery("sys.partitions rows", ROWS_BY_PARTITIONS.formatted(ids), rows);
        List<Sizing> uncounted = tables.stream().filter(t -> rows.getOrDefault(t.objectId(), 0L) == 0).toList();
        for (int from = 0; from < uncounted.size(); from += COUNTS_PER_QUERY) {
            tryQuery("COUNT_BIG(*)", uncounted.subList(from, Math.min(uncounted.size(), from + COUNTS_PER_QUERY))
                    .stream().map(t -> "SELECT " + t.objectId() + ", COUNT_BIG(*) FROM " + t.quotedName())
                    .collect(Collectors.joining(" UNION ALL ")), rows);
        }
        rowsPath = catalog ? "from sys.partitions" + (uncounted.isEmpty() ? ""
                : ", COUNT_BIG(*) for the " + uncounted.size() + " it reports empty") : "by COUNT_BIG(*)";
        return rows;
    }

    /** Used bytes by object id, or null when no catalog view shows pages to this login. */
    private Map<Integer, Long> pages(String ids) {
        Map<Integer, Long> bytes = new HashMap<>();
        if (probe.readable("sys.allocation_units", "SELECT TOP (0) container_id, used_pages FROM sys.allocation_units")
                && tryQuery("sys.allocation_units pages", PAGES_BY_ALLOCATION_UNITS.formatted(ids), bytes)) {
            bytesPath = BytesPath.ALLOCATION_UNITS;
            return bytes;
        }
        if (probe.readable("sys.dm_db_partition_stats",
                "SELECT TOP (0) object_id, used_page_count FROM sys.dm_db_partition_stats")
                && tryQuery("sys.dm_db_partition_stats pages", PAGES_BY_PARTITION_STATS.formatted(ids), bytes)) {
            bytesPath = BytesPath.PARTITION_STATS;
            return bytes;
        }
        bytesPath = BytesPath.ROW_WIDTH_ESTIMATE;
        return null;
    }

    /**
     * Adds {@code (object_id, value)} rows of {@code sql} to {@code into}; false, with the reason recorded, when the
     * server refuses it (a view readable to the probe can still refuse, e.g. for some objects' permissions).
     */
    private boolean tryQuery(String what, String sql, Map<Integer, Long> into) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getInt(1), rs.getLong(2));
            }
            return true;
        } catch (SQLException e) {
            failed.put(what, "SQLState " + e.getSQLState() + ": " + e.getMessage());
            return false;
        }
    }
}
