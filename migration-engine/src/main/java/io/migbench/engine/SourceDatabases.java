package io.migbench.engine;

import io.migbench.engine.copy.PgSourceDatabase;

import java.sql.SQLException;

/** Opens the {@link SourceDatabase} matching the source URL. */
public final class SourceDatabases {
    private SourceDatabases() {}

    /** Whether the engine can read from this JDBC URL. */
    public static boolean supports(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * @param sessionSettings statements every source session runs first (fixed text forms of values)
     */
    public static SourceDatabase open(MigrationOptions options, java.util.List<String> sessionSettings)
            throws SQLException {
        if (options.source().jdbcUrl().startsWith("jdbc:postgresql:")) {
            return PgSourceDatabase.open(options.source(), options.tasks(), sessionSettings, options.socketTimeout());
        }
        throw new IllegalArgumentException("option 'source': unsupported database URL "
                + Redaction.redactUrl(options.source().jdbcUrl()));
    }
}
