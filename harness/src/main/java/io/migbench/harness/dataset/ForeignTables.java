package io.migbench.harness.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Guards a generator's load into a source migbench does not own: the load replaces its tables (DROP TABLE IF
 * EXISTS), so a table of one of those names without migbench's completion marker stops it before anything runs.
 */
public final class ForeignTables {
    static final String MARKER_PREFIX = "migbench dataset ";

    private ForeignTables() {}

    /** @throws IllegalStateException naming the first table that exists without a migbench marker */
    public static void refuse(Connection c, Dataset dataset) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        String exists = dialect == SqlDialect.POSTGRESQL ? "SELECT to_regclass(?) IS NOT NULL" : "SELECT CASE WHEN OBJECT_ID(?) IS NULL THEN 0 ELSE 1 END";
        try (PreparedStatement present = c.prepareStatement(exists); PreparedStatement marker = c.prepareStatement(dialect.markerQuery())) {
            for (String table : dataset.tables()) {
                present.setString(1, dialect.quote(table));
                marker.setString(1, dialect.quote(table));
                if (holds(present) && !markedByMigbench(marker)) {
                    throw new IllegalStateException("the source already has a table " + table + " that migbench did not load "
                            + "(no \"" + MARKER_PREFIX + "…\" marker); loading " + dataset.name() + " would replace it. Use "
                            + "another database, or drop the table yourself if it is an interrupted migbench load");
                }
            }
        }
    }

    private static boolean holds(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean markedByMigbench(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getString(1) != null && rs.getString(1).startsWith(MARKER_PREFIX);
        }
    }
}
