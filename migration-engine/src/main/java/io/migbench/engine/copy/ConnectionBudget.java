package io.migbench.engine.copy;

import io.migbench.engine.OptionException;
import io.migbench.engine.EngineOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Checks up front that a PostgreSQL server has room for the connections a run will open, so too many tasks fail
 * at once with a message naming {@code --tasks} and {@code max_connections} instead of tasks timing out one by one
 * while waiting for a connection the server refuses.
 */
public final class ConnectionBudget {
    private ConnectionBudget() {}

    /**
     * @param c      a connection to the server; counted as one of the {@code needed} (it is returned for reuse)
     * @param side   "source" or "target", for the message
     * @param needed connections the run opens at most on this server
     * @param why    how {@code needed} comes about, e.g. "8 copy tasks + 4 index tasks"
     * @throws IllegalArgumentException when the server's free connection slots are fewer than {@code needed}
     */
    public static void check(Connection c, String side, int tasks, int needed, String why) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_setting('max_connections')::int,"
                        + " current_setting('superuser_reserved_connections')::int"
                        + " + coalesce(current_setting('reserved_connections', true)::int, 0),"
                        + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")) {
            rs.next();
            int max = rs.getInt(1);
            int reserved = rs.getInt(2);
            int inUse = rs.getInt(3);
            int free = max - reserved - inUse + 1;
            if (needed > free) {
                throw new OptionException(EngineOption.TASKS, String.format(Locale.ROOT,
                        "%d needs %d %s connections (%s) but the %s allows only %d more"
                                + " (max_connections %d, %d reserved, %d in use): lower --tasks or raise max_connections",
                        tasks, needed, side, why, side, Math.max(free, 0), max, reserved, inUse));
            }
        }
    }
}
