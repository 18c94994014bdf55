package io.migbench.engine.sqlserver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which optional catalog features this server lets the login read, each probed once with a zero-row query.
 * Catalog views differ between SQL Server editions, permissions (VIEW DATABASE STATE) and SQL Server look-alikes
 * (Babelfish, Azure variants); a missing one selects a fallback instead of failing the migration.
 */
final class CatalogProbe {
    private final Connection connection;
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final Map<String, Boolean> readable = new LinkedHashMap<>();

    CatalogProbe(Connection connection) {
        this.connection = connection;
    }

    /** Whether {@code probe} (a query naming the feature, e.g. {@code SELECT TOP (0) x FROM sys.v}) runs here. */
    boolean readable(String feature, String probe) {
        return readable.computeIfAbsent(feature, f -> {
            try (Statement st = connection.createStatement()) {
                st.executeQuery(probe).close();
                return true;
            } catch (SQLException e) {
                missing.put(f, "SQLState " + e.getSQLState() + ": " + e.getMessage());
                return false;
            }
        });
    }

    interface CatalogRead {
        void run() throws SQLException;
    }

    /**
     * Runs {@code read} of an optional catalog feature without a probe first (one round trip, not two); a failure
     * is recorded as for a probe and the feature skipped.
     *
     * @return whether the read ran
     */
    boolean attempt(String feature, CatalogRead read) {
        if (Boolean.FALSE.equals(readable.get(feature))) {
            return false;
        }
        try {
            read.run();
            readable.put(feature, true);
            return true;
        } catch (SQLException e) {
            failed(feature, e);
            return false;
        }
    }

    /** Records that {@code feature} failed when read for real (a probe can pass where the data then fails). */
    void failed(String feature, SQLException e) {
        readable.put(feature, false);
        missing.put(feature, "SQLState " + e.getSQLState() + ": " + e.getMessage());
    }

    /** Features probed and not readable, with the server's reason, in probe order. */
    Map<String, String> missing() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }
}
