package io.migbench.harness.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases a dataset is loaded into, outside the generating statements themselves:
 * identifier quoting, loader session settings, table sizes and the completion marker (a table comment in
 * PostgreSQL, an extended property in SQL Server).
 */
public enum SqlDialect {
    POSTGRESQL, SQLSERVER;

    /** Name of the SQL Server extended property holding the completion marker. */
    static final String MARKER_PROPERTY = "migbench";

    /** The dialect of the server behind the connection. */
    public static SqlDialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("sql server") ? SQLSERVER : POSTGRESQL;
    }

    public String quote(String identifier) {
        return this == POSTGRESQL ? '"' + identifier.replace("\"", "\"\"") + '"'
                : '[' + identifier.replace("]", "]]") + ']';
    }

    /**
     * Loader sessions only. PostgreSQL: commits need not wait for the WAL flush (a crash mid-load leaves no marker,
     * so the dataset is reloaded anyway); key builds get enough memory to sort in one pass. SQL Server: none (NOCOUNT
     * would hide the row counts the loader checks every insert against).
     */
    List<String> loaderSessionSettings() {
        return this == POSTGRESQL ? List.of("SET synchronous_commit = off", "SET maintenance_work_mem = '256MB'")
                : List.of();
    }

    /** Total stored bytes of a table (data, indexes, out-of-line values); {@code ?} is the quoted table name. */
    String totalSizeQuery() {
        return this == POSTGRESQL ? "SELECT pg_total_relation_size(?::regclass)"
                : "SELECT COALESCE(SUM(a.used_pages), 0) * 8192 FROM sys.partitions p"
                  + " JOIN sys.allocation_units a ON a.container_id = p.partition_id WHERE p.object_id = OBJECT_ID(?)";
    }

    /** The completion marker of a table, or no row / NULL; {@code ?} is the quoted table name. */
    String markerQuery() {
        return this == POSTGRESQL ? "SELECT obj_description(to_regclass(?), 'pg_class')"
                : "SELECT CAST(value AS nvarchar(4000)) FROM sys.extended_properties WHERE class = 1"
                  + " AND major_id = OBJECT_ID(?) AND minor_id = 0 AND name = N'" + MARKER_PROPERTY + "'";
    }

    /** The statement marking {@code table} (in the connection's default schema) as completely loaded. */
    String markerStatement(String table, String marker) {
        String text = marker.replace("'", "''");
        return this == POSTGRESQL ? "COMMENT ON TABLE " + quote(table) + " IS '" + text + "'"
                : "EXEC sys.sp_addextendedproperty @name = N'" + MARKER_PROPERTY + "', @value = N'" + text
                  + "', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'"
                  + table.replace("'", "''") + "'";
    }
}
