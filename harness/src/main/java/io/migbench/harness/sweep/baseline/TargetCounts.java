package io.migbench.harness.sweep.baseline;

import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.schema.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The row check after a baseline: {@code count(*)} of every table in the target, {@code tasks} tables at a time. */
final class TargetCounts {
    private TargetCounts() {}

    /** Target row counts in the context's table order. */
    static Map<TableName, Long> count(String engine, BaselineContext ctx) throws BaselineException {
        Map<TableName, Long> counted = new ConcurrentHashMap<>();
        Parallel.forEach(engine, "count", ctx.tableNames(), ctx.tasks(), table -> {
            long started = System.nanoTime();
            try (Connection c = ConnectionPools.open(ctx.target());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.onlyQuoted())) {
                rs.next();
                counted.put(table, rs.getLong(1));
            } catch (SQLException e) {
                throw new BaselineException(engine, "counting the target's rows failed: " + e.getMessage(),
                        table.toString(), null, null, Duration.ofNanos(System.nanoTime() - started), null, e);
            }
        }, () -> { });
        Map<TableName, Long> ordered = new LinkedHashMap<>();
        ctx.tableNames().forEach(t -> ordered.put(t, counted.get(t)));
        return ordered;
    }
}
