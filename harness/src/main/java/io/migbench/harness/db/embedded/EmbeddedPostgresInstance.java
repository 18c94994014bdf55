package io.migbench.harness.db.embedded;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.AbstractDatabaseInstance;
import io.migbench.harness.db.Directories;
import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.accounting.ProcessTreeCounters;
import io.migbench.harness.db.accounting.ResourceCounters;
import io.migbench.harness.db.limits.Confinement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One embedded PostgreSQL server: its own data and socket directories, its own port, its processes confined.
 * The password is irrelevant (zonky's initdb uses trust authentication on localhost) and never printed.
 */
final class EmbeddedPostgresInstance extends AbstractDatabaseInstance {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresInstance.class);
    static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    /**
     * zonky's builder silently sets synchronous_commit=off and max_connections=300 and starts postgres with
     * {@code -F} (fsync off). PostgreSQL's own defaults are restored so that only the profile's settings differ from
     * a stock server and a commit survives a crash: zonky puts every {@code -c name=value} after {@code -F} on the
     * command line, and postgres lets the last occurrence of a setting win, so {@code -c fsync=on} overrides it.
     */
    static final Map<String, String> POSTGRES_DEFAULTS = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on", "max_connections", "100");

    private final Path instanceDir;
    private final Path dataDir;
    private final Path socketDir;
    private final int port;
    private final Confinement confinement;
    private final InstanceProcesses processes;
    private EmbeddedPostgres server;
    private EnforcedLimits enforced;

    EmbeddedPostgresInstance(InstanceSpec spec, Path instanceDir, Path dataDir, Path socketDir, int port,
                             Confinement confinement) {
        super(spec, USER, PASSWORD);
        this.instanceDir = instanceDir;
        this.dataDir = dataDir;
        this.socketDir = socketDir;
        this.port = port;
        this.confinement = confinement;
        this.processes = new InstanceProcesses(dataDir);
    }

    /** Starts the server (initdb on first start) and confines its processes. */
    synchronized void startServer() {
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("unix_socket_directories", socketDir.toString());
            POSTGRES_DEFAULTS.forEach(builder::setServerConfig);
            spec().serverSettings().forEach(builder::setServerConfig);
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL " + name() + " did not start on port " + port
                    + " (data " + dataDir + ") after " + millisSince(t0) + " ms", e);
        }
        long postmaster = processes.postmasterPid().orElseThrow(() -> new IllegalStateException(
                "embedded PostgreSQL " + name() + " started but wrote no postmaster.pid in " + dataDir));
        enforced = confinement.confine(postmaster, processes::pids);
        String version = readVersion();
        LOG.info("{}: PostgreSQL {} on port {} in {} ms, limits via {}: {}", name(), version, port,
                millisSince(t0), confinement.mechanism(), enforced);
    }

    /** Stops the server, then kills whatever process of the instance is left. */
    private void stopServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: stopping PostgreSQL failed ({}); killing its processes", name(), e.getMessage());
            }
            server = null;
        }
        List<Long> survivors = processes.killRemaining(10_000);
        if (!survivors.isEmpty()) {
            LOG.error("{}: postgres processes {} survived SIGKILL", name(), survivors);
        }
    }

    @Override
    public DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public synchronized EnforcedLimits enforcedLimits() {
        return enforced;
    }

    /** The data directory (for tests and environment facts). */
    Path dataDirectory() {
        return dataDir;
    }

    /** The postmaster's pid, if it is running. */
    long postmasterPid() {
        return processes.postmasterPid().orElse(-1L);
    }

    @Override
    public ResourceCounters resourceCounters() {
        long postmaster = postmasterPid();
        return postmaster < 0 ? ResourceCounters.unavailable("server not running")
                : ProcessTreeCounters.read(postmaster, processes.pids());
    }

    @Override
    protected void restartServer() {
        stopServer();
        startServer();
    }

    @Override
    protected void tearDown() {
        stopServer();
        confinement.release();
        Directories.deleteRecursively(instanceDir);
        Directories.deleteRecursively(socketDir);
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + name() + " at " + jdbcUrl() + " (data " + dataDir + ")";
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
