package io.migbench.engine.sqlserver;

import java.sql.SQLException;

/** Reading or encoding one SQL Server range failed; carries table, range, progress, elapsed time and SQLState. */
public final class RangeReadException extends RuntimeException {
    private final String table;
    private final KeyRange range;
    private final long rowsRead;
    private final String sqlState;

    public RangeReadException(String message, String table, KeyRange range, long rowsRead, long elapsedMillis,
                              Throwable cause) {
        super(table + " " + range + ": " + message + " after " + rowsRead + " rows in " + elapsedMillis + " ms"
                + (cause instanceof SQLException s ? " (SQLState " + s.getSQLState() + ")" : ""), cause);
        this.table = table;
        this.range = range;
        this.rowsRead = rowsRead;
        this.sqlState = cause instanceof SQLException s ? s.getSQLState() : null;
    }

    public String table() {
        return table;
    }

    public KeyRange range() {
        return range;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** The driver's SQLState, or {@code null} when the cause was not a database error. */
    public String sqlState() {
        return sqlState;
    }
}
