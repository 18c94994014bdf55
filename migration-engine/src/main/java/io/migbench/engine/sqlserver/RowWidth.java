package io.migbench.engine.sqlserver;

import java.util.List;

/**
 * A row's stored size guessed from its declared column types, for servers that do not show page counts:
 * fixed-width types at their declared size, variable ones half full (SQL Server's own planning assumption),
 * (max) and LOB types at {@link #LOB_GUESS} bytes. Good enough to balance a plan, never used as a fact.
 */
final class RowWidth {
    /** Row header, null bitmap and variable-column offsets, roughly. */
    static final int ROW_OVERHEAD = 11;
    static final int LOB_GUESS = 1024;

    private RowWidth() {}

    static long estimate(List<SqlServerColumnType> columns) {
        long bytes = ROW_OVERHEAD;
        for (SqlServerColumnType t : columns) {
            bytes += column(t);
        }
        return bytes;
    }

    private static long column(SqlServerColumnType t) {
        return switch (t.name()) {
            case "text", "ntext", "image", "xml" -> LOB_GUESS;
            case "varchar", "nvarchar", "varbinary", "sql_variant", "sysname" ->
                    t.maxLength() == -1 ? LOB_GUESS : Math.max(1, t.maxLength() / 2);
            default -> Math.max(1, t.maxLength());
        };
    }
}
