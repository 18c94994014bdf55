package io.migbench.engine;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A migration failure with the state it happened in: table, partition range, rows copied so far, elapsed time
 * and the original SQLState. The message is redacted by the engine before it leaves {@link Migrator}.
 */
public class MigrationException extends RuntimeException {
    private final String table;
    private final String range;
    private final long rowsCopied;
    private final Duration elapsed;
    private final String sqlState;

    public MigrationException(String message, String table, String range, long rowsCopied, Duration elapsed,
                              Throwable cause) {
        super(compose(message, table, range, rowsCopied, elapsed, sqlStateOf(cause)), cause);
        this.table = table;
        this.range = range;
        this.rowsCopied = rowsCopied;
        this.elapsed = elapsed;
        this.sqlState = sqlStateOf(cause);
    }

    public String table() {
        return table;
    }

    public String range() {
        return range;
    }

    public long rowsCopied() {
        return rowsCopied;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** SQLState of the first {@link SQLException} in the cause chain, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    static String sqlStateOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String compose(String message, String table, String range, long rows, Duration elapsed,
                                  String sqlState) {
        StringBuilder sb = new StringBuilder(message);
        if (table != null) {
            sb.append(" [table ").append(table);
            if (range != null) {
                sb.append(", range ").append(range);
            }
            sb.append(", rows copied ").append(rows);
            if (elapsed != null) {
                sb.append(", after ").append(elapsed.toMillis()).append(" ms");
            }
            sb.append(']');
        }
        if (sqlState != null) {
            sb.append(" (SQLState ").append(sqlState).append(')');
        }
        return sb.toString();
    }
}
