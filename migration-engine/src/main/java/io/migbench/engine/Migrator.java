package io.migbench.engine;

/**
 * The engine's entry point: migrates the tables {@link MigrationOptions} selects from a PostgreSQL or SQL Server
 * source (the source JDBC URL decides: {@code jdbc:postgresql:} or {@code jdbc:sqlserver:}) into a PostgreSQL target
 * and returns everything it measured.
 *
 * <p>Configuration problems (bad options, existing target tables in {@link TargetMode#CREATE}, nothing to resume)
 * throw {@link ConfigurationException} (an {@link IllegalArgumentException}) before the target is changed.
 * Failures while migrating do not throw: they come back as a {@link MigrationStatus#FAILED} result carrying the
 * (redacted) message and the cause.
 */
public final class Migrator {
    private Migrator() {}

    public static MigrationResult migrate(MigrationOptions options) {
        return migrate(options, ProgressListener.NONE);
    }

    public static MigrationResult migrate(MigrationOptions options, ProgressListener listener) {
        return new MigrationRun(options, listener).run();
    }
}
