package io.migbench.harness.sweep;

import io.migbench.harness.db.Backends;
import io.migbench.harness.db.DatabaseBackend;
import io.migbench.harness.db.docker.DockerBackend;
import io.migbench.harness.db.docker.DockerImages;
import io.migbench.harness.db.external.ExternalServer;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source and target servers of one platform profile, started with the profile's limits and settings.
 * Servers that migbench starts itself get dedicated databases ({@value #SOURCE_DB}, {@value #TARGET_DB}) so the
 * target can be reset between trials by recreating its database; an external target is reset by dropping what
 * a migration creates.
 */
public final class PlatformDatabases implements AutoCloseable {
    static final String SOURCE_DB = "migbench_source";
    static final String TARGET_DB = "migbench_target";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformDatabases.class);

    private final PlatformProfile profile;
    private final boolean ownsServers;
    private final DatabaseInstance source;
    private final DatabaseInstance target;
    private Map<String, String> targetSettings;

    private PlatformDatabases(PlatformProfile profile, boolean ownsServers, DatabaseInstance source, DatabaseInstance target) {
        this.profile = profile;
        this.ownsServers = ownsServers;
        this.source = source;
        this.target = target;
    }

    /** Starts both servers; if the second fails the first is stopped again. */
    public static PlatformDatabases start(Scenario scenario, PlatformProfile profile, DatabaseBackend backend, Path runDir) {
        boolean owns = scenario.backend().type() != BackendType.EXTERNAL;
        DatabaseEngine sourceEngine = scenario.source() == SourceEngine.SQLSERVER ? DatabaseEngine.SQLSERVER : DatabaseEngine.POSTGRESQL;
        DatabaseInstance source = backend.start(spec("source", sourceEngine, profile.source(), runDir));
        try {
            DatabaseInstance target = backend.start(spec("target", DatabaseEngine.POSTGRESQL, profile.target(), runDir));
            PlatformDatabases dbs = new PlatformDatabases(profile, owns, source, target);
            if (owns) {
                dbs.createDatabase(source, SOURCE_DB, false);
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

    /** The backend a scenario asks for; an external one gets the scenario's server URLs. */
    public static DatabaseBackend backend(BackendSpec spec) {
        switch (spec.type()) {
            case EMBEDDED:
                return Backends.named(Backends.DEFAULT, Map.of());
            case DOCKER:
                String postgres = spec.images().getOrDefault("postgresql",
                        spec.postgresVersion() == null ? null : "postgres:" + spec.postgresVersion() + "-alpine");
                return new DockerBackend(DockerImages.fromEnvironment(System.getenv(), postgres,
                        spec.images().get("sqlserver"), spec.platform()));
            default:
                Map<String, ExternalServer> servers = new LinkedHashMap<>();
                servers.put("source", new ExternalServer(spec.source().url(), spec.source().user(), spec.source().passwordEnv()));
                servers.put("target", new ExternalServer(spec.target().url(), spec.target().user(), spec.target().passwordEnv()));
                return Backends.named("external", servers);
        }
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

    public String sourceUrl() {
        return ownsServers ? source.jdbcUrl(SOURCE_DB) : source.jdbcUrl();
    }

    public String targetUrl() {
        return ownsServers ? target.jdbcUrl(TARGET_DB) : target.jdbcUrl();
    }

    public Connection connectSource() throws SQLException {
        return ownsServers ? source.connect(SOURCE_DB) : source.connect();
    }

    public Connection connectTarget() throws SQLException {
        return ownsServers ? target.connect(TARGET_DB) : target.connect();
    }

    /** Whether the target is emptied by recreating its database (else the engine must drop what it finds). */
    public boolean recreatesTarget() {
        return ownsServers;
    }

    /** An empty target database for the next trial. */
    public void resetTarget() throws SQLException {
        if (ownsServers) {
            createDatabase(target, TARGET_DB, true);
        }
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

    private void createDatabase(DatabaseInstance server, String database, boolean dropFirst) {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            if (server.engine() == DatabaseEngine.SQLSERVER) {
                for (String sql : sqlServerCreateStatements(database, dropFirst)) {
                    st.execute(sql);
                }
                return;
            }
            if (dropFirst) {
                st.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            } else {
                try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            st.execute("CREATE DATABASE \"" + database + "\"");
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
            target.close();
        } finally {
            source.close();
        }
    }
}
