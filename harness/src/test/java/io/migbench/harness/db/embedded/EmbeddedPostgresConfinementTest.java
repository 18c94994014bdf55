package io.migbench.harness.db.embedded;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitReport;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;
import io.migbench.harness.db.limits.ConfinementMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Limits that cannot be enforced are reported as such, never claimed; a dead server restarts confined. */
class EmbeddedPostgresConfinementTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path runDir;

    @Test
    void reportsWriteBandwidthAsPartialUnderCgroupV1AndRestartsAKilledServerConfined() throws Exception {
        assumeTrue(KernelCgroups.v1Writable(), "needs writable cgroup v1 (root)");
        InstanceSpec spec = new InstanceSpec("target", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(0.5, null, 512 * MIB, 100_000_000L, 50_000_000L), Map.of(), runDir);
        try (EmbeddedPostgresInstance db = (EmbeddedPostgresInstance) new EmbeddedPostgresBackend().start(spec)) {
            LimitReport write = db.enforcedLimits().get(Limit.WRITE_BPS);
            boolean blockDevice = !write.detail().contains("without a block device");
            if (blockDevice) {
                assertThat(write.status()).as(write.toString()).isEqualTo(LimitStatus.PARTIAL);
                assertThat(write.detail()).contains("buffered writes escape cgroup v1 blkio");
                assertThat(db.enforcedLimits().status(Limit.READ_BPS)).isEqualTo(LimitStatus.ENFORCED);
                String blkio = KernelCgroups.groupOf(db.postmasterPid(), "blkio");
                assertThat(KernelCgroups.read("blkio", blkio, "blkio.throttle.write_bps_device"))
                        .as("rule in the kernel").endsWith(" 50000000");
            } else {
                assertThat(write.status()).isEqualTo(LimitStatus.NOT_ENFORCED);
            }
            assertThat(db.enforcedLimits().summary()).contains("write_bps=50MB/s:" + write.status().word() + "(");
            assertThat(db.enforcedLimits().overall()).isEqualTo("partial");

            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int)");
                st.execute("INSERT INTO kept VALUES (1), (2)");
            }
            long oldPostmaster = db.postmasterPid();
            ProcessHandle.of(oldPostmaster).orElseThrow().destroyForcibly();
            waitUntil(() -> !db.isAlive());
            assertThat(db.isAlive()).as("killed (as by the OOM killer)").isFalse();

            db.restart();

            assertThat(db.isAlive()).as("alive after restart").isTrue();
            long newPostmaster = db.postmasterPid();
            assertThat(newPostmaster).isNotEqualTo(oldPostmaster);
            assertThat(KernelCgroups.groupOf(newPostmaster, "cpu")).as("limits re-applied")
                    .endsWith("-target").contains("/migbench/");
            assertThat(db.enforcedLimits().status(Limit.CPUS)).isEqualTo(LimitStatus.ENFORCED);
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).as("data survived the restart").isEqualTo(2);
            }
        }
    }

    @Test
    void withoutCgroupsPinsCpusByAffinityAndReportsTheRestAsNotEnforced() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "needs /proc");
        InstanceSpec spec = new InstanceSpec("source", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(0.5, null, 512 * MIB, null, null), Map.of(), runDir);
        try (EmbeddedPostgresInstance db =
                     (EmbeddedPostgresInstance) new EmbeddedPostgresBackend(ConfinementMode.AFFINITY).start(spec)) {
            LimitReport cpus = db.enforcedLimits().get(Limit.CPUS);
            LimitReport memory = db.enforcedLimits().get(Limit.MEMORY);
            assertThat(memory.status()).as(memory.toString()).isEqualTo(LimitStatus.NOT_ENFORCED);
            assertThat(memory.detail()).contains("cgroups disabled");
            if (cpus.status() == LimitStatus.PARTIAL) {
                assertThat(cpus.detail()).contains("approximated by pinning to CPUs");
                try (Connection c = db.connect(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    assertThat(allowedCpus(rs.getLong(1))).as("backend inherits the pinning").isEqualTo("0");
                }
                assertThat(allowedCpus(db.postmasterPid())).as("postmaster pinned").isEqualTo("0");
            } else {
                assertThat(cpus.status()).as("no taskset here: " + cpus).isEqualTo(LimitStatus.NOT_ENFORCED);
            }
            assertThat(KernelCgroups.groupOf(db.postmasterPid(), "cpu")).as("no cgroup used").doesNotContain("migbench");
        }
    }

    @Test
    void withLimitsDisabledReportsEveryLimitNotEnforced() {
        InstanceSpec spec = new InstanceSpec("source", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(1.0, "0", 256 * MIB, null, 10_000_000L), Map.of(), runDir);
        try (var db = new EmbeddedPostgresBackend(ConfinementMode.NONE).start(spec)) {
            assertThat(db.enforcedLimits().overall()).isEqualTo("not enforced");
            assertThat(db.enforcedLimits().summary()).isEqualTo("cpus=1:not enforced(limits disabled by configuration);"
                    + "cpuset=0:not enforced(limits disabled by configuration);"
                    + "memory=256MiB:not enforced(limits disabled by configuration);"
                    + "write_bps=10MB/s:not enforced(limits disabled by configuration)");
            assertThat(db.isAlive()).isTrue();
        }
    }

    private static String allowedCpus(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow()
                .substring("Cpus_allowed_list:".length()).strip();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
    }
}
