package io.migbench.harness.db.embedded;

import io.migbench.harness.db.DatabaseBackend;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.Directories;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.LiveInstances;
import io.migbench.harness.db.limits.Confinement;
import io.migbench.harness.db.limits.ConfinementMode;
import io.migbench.harness.db.limits.Confinements;
import io.migbench.harness.db.limits.HostCpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default backend: PostgreSQL from zonky's Maven-provided binaries, one server per instance under
 * {@code <run dir>/<jvm pid>-<n>-<name>/} (the cgroups carry the same name under {@code migbench/}), limits applied by {@link Confinements}.
 */
public final class EmbeddedPostgresBackend implements DatabaseBackend {
    /** A unix socket path may be at most 107 bytes; ".s.PGSQL.65535" takes 15 of them. */
    private static final int MAX_SOCKET_DIR_LENGTH = 90;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MAX_PORT_ATTEMPTS = 3;

    private final ConfinementMode mode;

    public EmbeddedPostgresBackend() {
        this(ConfinementMode.AUTO);
    }

    /** @param mode which mechanisms may apply limits (AFFINITY or NONE simulate hosts without cgroups) */
    public EmbeddedPostgresBackend(ConfinementMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public DatabaseInstance start(InstanceSpec spec) {
        preflight(spec);
        for (int attempt = 1; ; attempt++) {
            int port;
            try {
                port = freePort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port for " + spec.name(), e);
            }
            try {
                return start(spec, port);
            } catch (RuntimeException e) {
                // another process (maybe another JVM) grabbed the port between our probe and the server's bind
                if (attempt >= MAX_PORT_ATTEMPTS || isFree(port)) {
                    throw e;
                }
            }
        }
    }

    private DatabaseInstance start(InstanceSpec spec, int port) {
        String groupName = ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-" + spec.name();
        Path instanceDir = spec.runDirectory().resolve(groupName);
        Path dataDir = instanceDir.resolve("data");
        Path socketDir = null;
        Confinement confinement = null;
        EmbeddedPostgresInstance instance = null;
        try {
            Files.createDirectories(dataDir);
            socketDir = socketDir(instanceDir);
            confinement = Confinements.prepare(mode, groupName, spec.limits(), dataDir);
            instance = new EmbeddedPostgresInstance(spec, instanceDir, dataDir, socketDir, port, confinement);
            LiveInstances.register(instance);
            instance.startServer();
            return instance;
        } catch (IOException | RuntimeException e) {
            if (instance != null) {
                instance.close();
            } else {
                if (confinement != null) {
                    confinement.release();
                }
                Directories.deleteRecursively(instanceDir);
                if (socketDir != null) {
                    Directories.deleteRecursively(socketDir);
                }
            }
            throw e instanceof IOException ? new UncheckedIOException("starting " + spec.name() + " in " + instanceDir
                    + " failed: " + e.getMessage(), (IOException) e) : (RuntimeException) e;
        }
    }

    /** Everything that can be checked before anything starts. */
    private static void preflight(InstanceSpec spec) {
        if (spec.engine() != DatabaseEngine.POSTGRESQL) {
            throw new IllegalArgumentException("engine: the embedded backend runs PostgreSQL only, not " + spec.engine()
                    + " (instance " + spec.name() + "; use the docker or external backend)");
        }
        HostCpus.requireOnline(spec.limits().cpuset());
    }

    /** Inside the instance folder when the path is short enough for a unix socket, else a fresh /tmp folder. */
    private static Path socketDir(Path instanceDir) throws IOException {
        Path inside = instanceDir.resolve("sock");
        if (inside.toString().length() <= MAX_SOCKET_DIR_LENGTH) {
            return Files.createDirectories(inside);
        }
        return Files.createTempDirectory("migbench-sock-");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free right now; the ephemeral range makes two JVMs picking the same one at once unlikely. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
