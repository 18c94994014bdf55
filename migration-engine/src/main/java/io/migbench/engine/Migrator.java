package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.state.StateStore;
import io.migbench.engine.state.StatusQuery;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The engine's entry point: migrates the tables {@link MigrationOptions} selects from a PostgreSQL or SQL Server
 * source (the source JDBC URL decides: {@code jdbc:postgresql:} or {@code jdbc:sqlserver:}) into a PostgreSQL
 * target and returns everything it measured; or runs one {@link RunPhase} of a migration that separate processes
 * share through the target's state tables.
 *
 * <p>Configuration problems (bad options, existing target tables in {@link TargetMode#CREATE}, nothing to resume,
 * an invocation that does not match the recorded plan, finalize before every partition is done) throw
 * {@link ConfigurationException} (an {@link IllegalArgumentException}) before the target is changed. Failures while
 * migrating do not throw: they come back as a {@link MigrationStatus#FAILED} result carrying the (redacted) message
 * and the cause.
 */
public final class Migrator {
    private Migrator() {}

    /** {@link #migrate(MigrationOptions, ProgressListener)} without progress events. */
    public static MigrationResult migrate(MigrationOptions options) {
        return migrate(options, ProgressListener.NONE);
    }

    /** Runs {@link MigrationOptions#phase()} (all three phases by default); {@link RunPhase#STATUS} is {@link #status}'s. */
    public static MigrationResult migrate(MigrationOptions options, ProgressListener listener) {
        if (options.phase() == RunPhase.STATUS) {
            throw new OptionException(EngineOption.PHASE, "status reports, it does not migrate: call Migrator.status");
        }
        return new MigrationRun(options, listener).run();
    }

    /**
     * The recorded run's partitions by state and by worker; reads the target only. Given a source, the options
     * are also checked against the plan (as a worker's would be).
     *
     * @throws OptionException when the target holds no plan, or the options do not match it
     * @throws MigrationException when the target cannot be read
     */
    public static RunStatus status(MigrationOptions options) {
        StateStore state = new StateStore();
        try (Connection c = ConnectionPools.open(options.target())) {
            RunStatus status = StatusQuery.read(c, state).orElseThrow(() -> new OptionException(EngineOption.PHASE,
                    "status finds no plan in the target (schema " + StateStore.SCHEMA + "); run --phase plan first"));
            if (options.source() != null) {
                RunIdentity.check(state.run(c).orElseThrow(), options);
            }
            return status;
        } catch (SQLException e) {
            throw new MigrationException("reading the run's status from the target "
                    + Redaction.redactUrl(options.target().jdbcUrl()) + " failed: "
                    + Redaction.redact(e.getMessage(), options.secrets()), null, null, 0, null, e);
        }
    }
}
