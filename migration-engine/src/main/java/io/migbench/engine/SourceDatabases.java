package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.copy.PgSourceDatabase;
import io.migbench.engine.sqlserver.SqlServerSourceDatabase;

import java.sql.SQLException;
import java.util.List;

/** Opens the {@link SourceDatabase} matching the source URL. */
final class SourceDatabases {
    private SourceDatabases() {}

    /** Whether the engine can read from this JDBC URL. */
    static boolean supports(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") || MigrationOptions.isSqlServer(jdbcUrl);
    }

    /**
     * @param sessionSettings statements every PostgreSQL source session runs first (fixed text forms of values);
     *                        a SQL Server source renders values in Java and needs none
     * @param snapshot        PostgreSQL: a snapshot another process holds, to read instead of exporting one
     */
    static SourceDatabase open(MigrationOptions options, List<String> sessionSettings, String snapshot)
            throws SQLException {
        if (options.source().jdbcUrl().startsWith("jdbc:postgresql:")) {
            return PgSourceDatabase.open(options.source(), options.tasks(), sessionSettings, options.socketTimeout(),
                    snapshot);
        }
        if (options.sqlServerSource()) {
            return SqlServerSourceDatabase.open(options);
        }
        throw new OptionException(EngineOption.SOURCE, "is not a supported database URL: "
                + Redaction.redactUrl(options.source().jdbcUrl()));
    }
}
