package io.migbench.harness.sweep;

import io.migbench.engine.schema.Sql;
import io.migbench.harness.scenario.BackendSpec;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.scenario.BackendType;
import io.migbench.harness.scenario.InstanceProfile;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.model.SourceEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The source and target servers of one platform profile, each on its own backend, started with the profile's
 * limits and settings. Servers that migbench starts itself get dedicated databases ({@value #SOURCE_DB},
 * {@value #TARGET_DB}). On an external target each trial migrates into a scratch database migbench creates and
 * finally drops ({@code migbench_<run-id>_<platform>}), unless the scenario says to overwrite the database its URL
 * names. An existing source is only ever read: every connection to it is read-only, and nothing can load it.
 */
public final class PlatformDatabases implements AutoCloseable {
    static final String SOURCE_DB = "migbench_source";
    static final String TARGET_DB = "migbench_target";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformDatabases.class);

    private final PlatformProfile profile;
    private final boolean ownsSource;
    private final boolean readOnlySource;
    private final DatabaseInstance source;
    private final DatabaseInstance target;
    private final TargetDatabase targetDatabase;
    private Map<String, String> targetSettings;

    private PlatformDatabases(PlatformProfile profile, boolean ownsSource, boolean readOnlySource, DatabaseInstance source,
                              DatabaseInstance target, TargetDatabase targetDatabase) {
        this.profile = profile;
        this.ownsSource = ownsSource;
        this.readOnlySource = readOnlySource;
        this.source = source;
        this.target = target;
        this.targetDatabase = targetDatabase;
    }

    /** Starts both servers; if the second fails the first is stopped again. */
    public static PlatformDatabases start(Scenario scenario, PlatformProfile profile, SideBackends backends, String runId,
                                          Path runDir) {
        BackendSpec spec = scenario.backend();
        boolean ownsSource = spec.sourceType() != BackendType.EXTERNAL;
        DatabaseEngine sourceEngine = scenario.source() == SourceEngine.SQLSERVER ? DatabaseEngine.SQLSERVER : DatabaseEngine.POSTGRESQL;
        DatabaseInstance source = backends.source().start(spec("source", sourceEngine, profile.source(), runDir));
        try {
            DatabaseInstance target = backends.target().start(spec("target", DatabaseEngine.POSTGRESQL, profile.target(), runDir));
            TargetDatabase targetDb = spec.targetType() != BackendType.EXTERNAL ? TargetDatabase.owned(target, TARGET_DB)
                    : spec.target().overwrite() ? TargetDatabase.overwritten(target)
                    : TargetDatabase.scratch(target, TargetDatabase.scratchName(runId, profile.name()));
            PlatformDatabases dbs = new PlatformDatabases(profile, ownsSource, scenario.dataset().existing(), source, target, targetDb);
            if (ownsSource) {
                dbs.createSourceDatabase(source, SOURCE_DB);
            }
            // read now, while the target surely answers: a trial whose target died must still be recordable
            dbs.targetSettings();
            return dbs;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static InstanceSpec spec(String name, DatabaseEngine engine, InstanceProfile p, Path runDir) {
        return new InstanceSpec(name, engine, p.limits(), p.settings(), runDir);
    }

    public PlatformProfile profile() {
        return profile;
    }

    public DatabaseInstance source() {
        return source;
    }

    public DatabaseInstance target() {
        return target;
    }

    /** The target's server settings as it reports them (standard ones plus the profile's). */
    public synchronized Map<String, String> targetSettings() {
        if (targetSettings == null) {
            targetSettings = target.effectiveSettings();
        }
        return targetSettings;
    }

    /** The source's URL; read-only for an existing source. */
    public String sourceUrl() {
        String url = ownsSource ? source.jdbcUrl(SOURCE_DB) : source.jdbcUrl();
        return readOnlySource ? ReadOnlyUrl.of(url) : url;
    }

    public String targetUrl() {
        return targetDatabase.url();
    }

    /** A connection to the source, read-only for an existing source. */
    public Connection connectSource() throws SQLException {
        return DriverManager.getConnection(sourceUrl(), source.user(), source.password());
    }

    /** A connection a generator loads the source through; an existing source has none. */
    public Connection connectSourceForLoad() throws SQLException {
        if (readOnlySource) {
            throw new IllegalStateException("the source of platform " + profile.name() + " is the user's own database: "
                    + "migbench never writes it");
        }
        return connectSource();
    }

    /** Whether the source is the user's own database, connected read-only. */
    public boolean readOnlySource() {
        return readOnlySource;
    }

    /** A connection to the database trials migrate into. */
    public Connection connectTarget() throws SQLException {
        return DriverManager.getConnection(targetUrl(), target.user(), target.password());
    }

    /** Whether the target is emptied by recreating its database (else the engine must drop what it finds). */
    public boolean recreatesTarget() {
        return targetDatabase.recreated();
    }

    /** The target database trials migrate into, as named on its server. */
    public String targetDatabaseName() {
        return targetDatabase.name();
    }

    /** An empty target database for the next trial. */
    public void resetTarget() throws SQLException {
        targetDatabase.reset();
    }

    /** Restarts whichever server no longer answers; returns whether the source was among them. */
    public boolean restartDead() {
        boolean sourceRestarted = false;
        if (!source.isAlive()) {
            LOG.warn("source database of platform {} is down: restarting it", profile.name());
            source.restart();
            sourceRestarted = true;
        }
        if (!target.isAlive()) {
            LOG.warn("target database of platform {} is down: restarting it", profile.name());
            target.restart();
            synchronized (this) {
                targetSettings = null;
            }
        }
        return sourceRestarted;
    }

    /** Creates the source database of a server migbench started, unless it holds one already (a reused load). */
    private void createSourceDatabase(DatabaseInstance server, String database) {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            if (server.engine() == DatabaseEngine.SQLSERVER) {
                for (String sql : sqlServerCreateStatements(database, false)) {
                    st.execute(sql);
                }
                return;
            }
            if (!TargetDatabase.exists(c, database)) {
                st.execute("CREATE DATABASE " + Sql.ident(database));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on the " + server.name()
                    + " server of platform " + profile.name() + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * T-SQL creating {@code database} unless it exists ({@code dropFirst}: recreating it empty). It gets
     * {@code ALLOW_SNAPSHOT_ISOLATION ON}, so the engine's default isolation reads it under snapshot isolation as it
     * would a production source prepared for online copies, and the simple recovery model for the dataset load.
     */
    static List<String> sqlServerCreateStatements(String database, boolean dropFirst) {
        String name = "[" + database.replace("]", "]]") + "]";
        String literal = "N'" + database.replace("'", "''") + "'";
        List<String> sql = new ArrayList<>();
        if (dropFirst) {
            sql.add("IF DB_ID(" + literal + ") IS NOT NULL BEGIN ALTER DATABASE " + name
                    + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE " + name + " END");
        }
        sql.add("IF DB_ID(" + literal + ") IS NULL BEGIN CREATE DATABASE " + name + "; ALTER DATABASE " + name
                + " SET ALLOW_SNAPSHOT_ISOLATION ON; ALTER DATABASE " + name + " SET RECOVERY SIMPLE END");
        return sql;
    }

    @Override
    public void close() {
        try {
            targetDatabase.drop();
        } catch (RuntimeException e) {
            LOG.warn("platform {}: {}", profile.name(), e.getMessage());
        }
        try {
            target.close();
        } finally {
            source.close();
        }
    }
}
