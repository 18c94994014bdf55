package io.migbench.harness.db.embedded;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.model.ResourceLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances never collide: not within one JVM, not when another JVM starts one in the same run folder at once;
 * and a JVM stopped by a signal (Ctrl-C) still tears its instance down.
 */
class ConcurrentInstancesTest {
    @TempDir
    Path runDir;

    @Test
    void anInstanceInAnotherJvmStartedAtOnceGetsItsOwnPortDirectoryAndGroupsAndIsTornDownOnSignal() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SecondJvmInstance.class.getName(), runDir.toString(), "target")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            InstanceSpec spec = new InstanceSpec("target", DatabaseEngine.POSTGRESQL,
                    new ResourceLimits(0.5, null, null, null, null), Map.of(), runDir);
            try (DatabaseInstance mine = new EmbeddedPostgresBackend().start(spec)) {
                BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                String ready = out.lines().filter(l -> l.startsWith("READY ")).findFirst().orElse("");
                assertThat(ready).as("other JVM started its instance").startsWith("READY jdbc:postgresql:");
                String[] f = ready.split(" ");
                String otherUrl = f[1];
                long otherPostmaster = Long.parseLong(f[2]);

                assertThat(otherUrl).as("different ports").isNotEqualTo(mine.jdbcUrl());
                assertThat(otherPostmaster).isNotEqualTo(((EmbeddedPostgresInstance) mine).postmasterPid());
                try (var dirs = Files.list(runDir)) {
                    assertThat(dirs.map(p -> p.getFileName().toString())).as("one folder per instance, named by JVM")
                            .hasSize(2).allMatch(n -> n.endsWith("-target"));
                }
                assertThat(serverPid(mine.jdbcUrl())).isEqualTo(((EmbeddedPostgresInstance) mine).postmasterPid());
                assertThat(serverPid(otherUrl)).as("the other URL reaches the other server").isEqualTo(otherPostmaster);
                String otherGroup = KernelCgroups.v1Writable() ? KernelCgroups.groupOf(otherPostmaster, "cpu") : null;
                if (otherGroup != null) {
                    assertThat(otherGroup)
                            .isNotEqualTo(KernelCgroups.groupOf(((EmbeddedPostgresInstance) mine).postmasterPid(), "cpu"));
                }
                // SIGTERM, as Ctrl-C: the other JVM's shutdown hook must tear its instance down
                other.destroy();
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).as("other JVM exited").isTrue();
                assertThat(KernelCgroups.running(otherPostmaster)).as("other postmaster stopped by the hook").isFalse();
                if (otherGroup != null) {
                    assertThat(KernelCgroups.dir("cpu", otherGroup)).as("other cgroup removed by the hook").doesNotExist();
                }
                try (var dirs = Files.list(runDir)) {
                    assertThat(dirs).as("only this JVM's instance folder is left").hasSize(1);
                }
                assertThat(mine.isAlive()).as("this instance unaffected").isTrue();
            }
            try (var left = Files.list(runDir)) {
                assertThat(left).as("both instances cleaned up").isEmpty();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    /** The postmaster pid as the server itself reports it (the parent of the serving backend). */
    private static long serverPid(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            List<String> stat = List.of(Files.readString(Path.of("/proc/" + backend + "/stat")).split("\\) ")[1].split(" "));
            return Long.parseLong(stat.get(1));
        }
    }
}
