package io.migbench.harness.sweep.baseline;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * A failed baseline run, with the state it failed in: engine, table and slice (when one was being copied), the
 * command line (without passwords), its exit code, elapsed time, the tail of its stderr and the SQLState of a
 * failed query. Messages are redacted before they get here.
 */
public class BaselineException extends Exception {
    private final String engine;
    private final String table;
    private final String command;
    private final Integer exitCode;
    private final Duration elapsed;
    private final String stderrTail;
    private final String sqlState;

    public BaselineException(String engine, String what, String table, String command, Integer exitCode,
                             Duration elapsed, String stderrTail, Throwable cause) {
        super(compose(engine, what, table, command, exitCode, elapsed, stderrTail, sqlStateOf(cause)), cause);
        this.engine = engine;
        this.table = table;
        this.command = command;
        this.exitCode = exitCode;
        this.elapsed = elapsed;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
        this.sqlState = sqlStateOf(cause);
    }

    public String engine() {
        return engine;
    }

    /** The table (and slice) being copied, or {@code null} when the failure concerned no single table. */
    public String table() {
        return table;
    }

    /** The failed command line without passwords, or {@code null} when a query failed. */
    public String command() {
        return command;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public String stderrTail() {
        return stderrTail;
    }

    public String sqlState() {
        return sqlState;
    }

    private static String sqlStateOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String compose(String engine, String what, String table, String command, Integer exitCode,
                                  Duration elapsed, String stderrTail, String sqlState) {
        StringBuilder sb = new StringBuilder(engine).append(": ").append(what);
        if (table != null) {
            sb.append(" [table ").append(table).append(']');
        }
        if (exitCode != null) {
            sb.append(" (exit code ").append(exitCode).append(')');
        }
        if (sqlState != null) {
            sb.append(" (SQLState ").append(sqlState).append(')');
        }
        if (elapsed != null) {
            sb.append(String.format(Locale.ROOT, " after %.1f s", elapsed.toMillis() / 1000.0));
        }
        if (command != null) {
            sb.append("; command: ").append(command);
        }
        if (stderrTail != null && !stderrTail.isBlank()) {
            sb.append("; stderr: ").append(stderrTail.strip());
        }
        return sb.toString();
    }
}
