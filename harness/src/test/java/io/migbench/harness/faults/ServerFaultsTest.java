package io.migbench.harness.faults;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.VerifyMode;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source or target servers (embedded PostgreSQL, each its own postmaster) stopped or restarted while partitions
 * are in flight. The engine never hangs: a lost target connection is retried at partition level, a dead server
 * fails the run with a message naming table and range, and a resume ends with exactly the source rows.
 * The restart-and-retry case runs in every build, the other two with {@code -Pfaults}.
 */
class ServerFaultsTest {
    private static final String SUMMARY = "SELECT count(*) || ':' || sum(id) || ':' || count(DISTINCT id) || ':' || sum(length(payload)) FROM events";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path runDir;
    private static DatabaseInstance sourceServer;
    private static DatabaseInstance targetServer;

    @BeforeAll
    static void servers() {
        EmbeddedPostgresBackend backend = new EmbeddedPostgresBackend();
        sourceServer = backend.start(InstanceSpec.of("source", DatabaseEngine.POSTGRESQL, runDir));
        targetServer = backend.start(InstanceSpec.of("target", DatabaseEngine.POSTGRESQL, runDir));
    }

    @AfterAll
    static void stop() {
        if (sourceServer != null) {
            sourceServer.close();
        }
        if (targetServer != null) {
            targetServer.close();
        }
    }

    @Test
    void targetRestartedMidCopyIsRetriedPerPartitionAndEndsExact() throws Exception {
        String source = sourceWithEvents();
        String target = newDatabase(targetServer, "tgt");
        String startedBefore = query(target, "SELECT pg_postmaster_start_time()");

        MigrationResult result;
        // the engine logs each retry (to System.err, where slf4j-simple writes); the log is the retry's witness
        PrintStream realErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(logged, realErr), true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(
                    () -> Migrator.migrate(options(source, target).copyAttempts(5).build()));
            holdPartitionsAtTheirDoneMark(target, () -> targetServer.restart());
            result = run.get(180, TimeUnit.SECONDS);
        } finally {
            System.setErr(realErr);
        }

        assertThat(query(target, "SELECT pg_postmaster_start_time()")).as("the fault fired: the target restarted")
                .isNotEqualTo(startedBefore);
        assertThat(logged.toString(StandardCharsets.UTF_8)).as("a partition lost with the restart was copied again")
                .containsPattern("partition .*: connection lost \\(attempt 1 of 5\\), copying the range again");
        assertThat(result.status()).as("retried after the restart: %s", result.errorMessage())
                .isEqualTo(MigrationStatus.SUCCEEDED);
        assertExact(source, target, result);
    }

    @Test
    @Tag("faults")
    void targetKilledMidCopyFailsNamingTheRangeAndResumeEndsExact() throws Exception {
        String source = sourceWithEvents();
        String target = newDatabase(targetServer, "tgt");

        CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(
                () -> Migrator.migrate(options(source, target).copyAttempts(1).build()));
        holdPartitionsAtTheirDoneMark(target, () -> killPostmaster(targetServer));
        MigrationResult failed = run.get(180, TimeUnit.SECONDS);

        assertThat(failed.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(failed.errorMessage()).as("one clear message").contains("copy failed")
                .contains("[table public.events, range ").contains("SQLState ").doesNotContain("\n");
        targetServer.restart();
        MigrationResult resumed = Migrator.migrate(options(source, target).resume(true).build());
        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertExact(source, target, resumed);
    }

    @Test
    @Tag("faults")
    void sourceRestartedMidCopyFailsNamingTheRangeAndResumeEndsExact() throws Exception {
        String source = sourceWithEvents();
        String target = newDatabase(targetServer, "tgt");

        CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(
                () -> Migrator.migrate(options(source, target).build()));
        holdPartitionsAtTheirDoneMark(target, () -> sourceServer.restart());
        MigrationResult failed = run.get(180, TimeUnit.SECONDS);

        assertThat(failed.status()).as("the exported snapshot died with the source").isEqualTo(MigrationStatus.FAILED);
        assertThat(failed.errorMessage()).contains("copy failed").contains("[table public.events, range ");
        MigrationResult resumed = Migrator.migrate(options(source, target).resume(true).build());
        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertExact(source, target, resumed);
    }

    /**
     * Lets two partitions commit, then holds the state table so the next partitions wait at their done-mark with
     * their COPY sent and uncommitted, applies the fault, and lets go.
     */
    private static void holdPartitionsAtTheirDoneMark(String target, Runnable fault) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // connected before the copy gets going, so the lock is taken while partitions are still in flight
        Connection watcher = targetServer.connect(databaseOf(target));
        try {
            watcher.setAutoCommit(false);
            while (done(target) < 2) {
                assertThat(System.nanoTime()).as("two partitions committed in time").isLessThan(deadline);
                Thread.sleep(5);
            }
            try (Statement st = watcher.createStatement()) {
                // a claim or a heartbeat blocks on this lock too; only a done-mark has its COPY sent and uncommitted
                st.execute("LOCK TABLE migbench.partition_state IN SHARE MODE");
                while (!"1".equals(query(target, "SELECT least(count(*), 1) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE 'UPDATE migbench.partition_state SET status = ''done''%'"))) {
                    assertThat(System.nanoTime()).as("a partition waits at its done-mark").isLessThan(deadline);
                    Thread.sleep(5);
                }
            }
            fault.run();
        } finally {
            closeAfterFault(watcher);
        }
    }

    /** Closes the watcher, whose session a target fault has killed: only its close may fail, nothing before it. */
    private static void closeAfterFault(Connection watcher) {
        try {
            watcher.close();
        } catch (SQLException gone) {
            // the session died with the target; there is nothing left to release
        }
    }

    /** Bytes to a capture and on to the stream they were meant for. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream capture;
        private final OutputStream through;

        TeeStream(OutputStream capture, OutputStream through) {
            this.capture = capture;
            this.through = through;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            capture.write(b);
            through.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            capture.write(b, off, len);
            through.write(b, off, len);
        }
    }

    private static MigrationOptions.Builder options(String source, String target) {
        return MigrationOptions.builder()
                .source(new ConnectionSpec(source, sourceServer.user(), sourceServer.password()))
                .target(new ConnectionSpec(target, targetServer.user(), targetServer.password()))
                .tasks(2).partitions(12).split(SplitStrategy.KEY).partitionThresholdRows(1000).verify(VerifyMode.CHECKSUM);
    }

    private static void assertExact(String source, String target, MigrationResult result) throws Exception {
        assertThat(query(target, SUMMARY)).as("count, sums and distinct ids").isEqualTo(query(source, SUMMARY));
        assertThat(result.tables()).as("checksums").allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        assertThat(query(target, "SELECT count(*) FROM migbench.partition_state WHERE status <> 'done'")).isEqualTo("0");
    }

    private static String sourceWithEvents() throws Exception {
        String url = newDatabase(sourceServer, "src");
        try (Connection c = sourceServer.connect(databaseOf(url)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id bigint PRIMARY KEY, payload text)");
            st.execute("INSERT INTO events SELECT g, md5(g::text) || repeat('y', g % 40) FROM generate_series(1, 480000) g");
            st.execute("ANALYZE events");
        }
        return url;
    }

    private static String newDatabase(DatabaseInstance server, String prefix) throws Exception {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl(name);
    }

    private static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static long done(String target) throws Exception {
        return query(target, "SELECT to_regclass('migbench.partition_state')") == null ? 0
                : Long.parseLong(query(target, "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'"));
    }

    private static String query(String url, String sql) throws Exception {
        DatabaseInstance server = url.startsWith(sourceServer.jdbcUrl("")) ? sourceServer : targetServer;
        try (Connection c = server.connect(databaseOf(url)); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** SIGKILL of the postmaster (as the OOM killer does): the server is down until restarted. */
    static void killPostmaster(DatabaseInstance server) {
        try (Connection c = server.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            long pid = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + server.name(), e);
        }
    }
}
