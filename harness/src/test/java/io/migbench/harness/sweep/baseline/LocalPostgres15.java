package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL 15 server from Debian's binaries (/usr/lib/postgresql/15/bin) with password (scram) authentication,
 * for the tools whose pg_dump 15 refuses the embedded PostgreSQL 16. Tests using it are skipped where those
 * binaries are missing. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 */
final class LocalPostgres15 implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String PASSWORD = "Pw-s3cret!x";

    private final Path dir;
    private final int port;

    private LocalPostgres15(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a server, or skips the calling test with the reason it cannot. */
    static LocalPostgres15 startOrSkip() throws Exception {
        assumeTrue(Files.isExecutable(BIN.resolve("initdb")), "PostgreSQL 15 server binaries not installed in " + BIN);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            assumeTrue(run(List.of("id", "-u", "postgres")) == 0, "running as root and there is no postgres user");
        }
        Path dir = Files.createTempDirectory("migbench-pg15-");
        Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n");
        if (root) {
            assumeTrue(run(List.of("chown", "-R", "postgres", dir.toString())) == 0, "cannot chown " + dir + " to postgres");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalPostgres15 server = new LocalPostgres15(dir, port);
        assumeTrue(server.asServerUser(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                "-A", "scram-sha-256", "-U", "postgres", "--pwfile=" + dir.resolve("pwfile"), "--no-sync",
                "-E", "UTF8", "--locale=C") == 0, "initdb of PostgreSQL 15 failed");
        int started = server.asServerUser(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-l", dir.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=localhost -c fsync=off", "start");
        if (started != 0) {
            server.close();
            assumeTrue(false, "PostgreSQL 15 did not start: " + Files.readString(dir.resolve("log")));
        }
        return server;
    }

    ConnectionSpec database(String name) throws Exception {
        BaselineDatabases.execute(spec("postgres"), "CREATE DATABASE \"" + name + "\"");
        return spec(name);
    }

    private ConnectionSpec spec(String database) {
        return new ConnectionSpec("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", PASSWORD);
    }

    private int asServerUser(String... command) throws Exception {
        List<String> argv = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.addAll(List.of(command));
        return run(argv);
    }

    private static int run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws Exception {
        asServerUser(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover file in /tmp is harmless; the server is already stopped
                }
            });
        }
    }
}
