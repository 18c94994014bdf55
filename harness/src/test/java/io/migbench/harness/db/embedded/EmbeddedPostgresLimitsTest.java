package io.migbench.harness.db.embedded;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;
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

/** Two embedded servers with different limits, checked against the kernel's own cgroup files. */
class EmbeddedPostgresLimitsTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path runDir;

    @Test
    void confinesPostmasterAndBackendsOfEachInstanceToItsOwnCgroups() throws Exception {
        assumeTrue(KernelCgroups.v1Writable(), "needs writable cgroup v1 cpu and memory hierarchies (root)");
        EmbeddedPostgresBackend backend = new EmbeddedPostgresBackend();
        InstanceSpec sourceSpec = new InstanceSpec("source", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(1.0, null, GIB, null, null), Map.of("shared_buffers", "64MB"), runDir);
        InstanceSpec targetSpec = new InstanceSpec("target", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(0.5, null, GIB / 2, null, null), Map.of("synchronous_commit", "off"), runDir);

        long source;
        long target;
        String sourceCpuGroup;
        String targetMemoryGroup;
        Path sourceData;
        Path targetData;
        try (EmbeddedPostgresInstance s = (EmbeddedPostgresInstance) backend.start(sourceSpec);
             EmbeddedPostgresInstance t = (EmbeddedPostgresInstance) backend.start(targetSpec)) {
            source = s.postmasterPid();
            target = t.postmasterPid();
            sourceData = s.dataDirectory();
            targetData = t.dataDirectory();
            assertThat(s.jdbcUrl()).as("each instance has its own port").isNotEqualTo(t.jdbcUrl());
            assertThat(sourceData).as("each instance has its own data dir").isNotEqualTo(targetData);

            sourceCpuGroup = assertConfined(s, 100_000, GIB);
            String targetCpuGroup = assertConfined(t, 50_000, GIB / 2);
            targetMemoryGroup = KernelCgroups.groupOf(target, "memory");
            assertThat(sourceCpuGroup).as("instances never share a group").isNotEqualTo(targetCpuGroup);
            assertThat(sourceCpuGroup).endsWith("-source");
            assertThat(targetCpuGroup).endsWith("-target");

            assertThat(s.enforcedLimits().status(Limit.CPUS)).isEqualTo(LimitStatus.ENFORCED);
            assertThat(t.enforcedLimits().status(Limit.MEMORY)).isEqualTo(LimitStatus.ENFORCED);
            assertThat(t.enforcedLimits().summary()).as("CSV summary")
                    .isEqualTo("cpus=0.5:enforced;memory=512MiB:enforced");
            assertThat(t.enforcedLimits().overall()).isEqualTo("enforced");
            assertThat(t.effectiveSettings()).as("settings read back from the server")
                    .containsEntry("synchronous_commit", "off");
            assertThat(s.effectiveSettings()).containsEntry("shared_buffers", "64MB");
            assertThat(s.version()).startsWith("16.");
        }

        assertThat(KernelCgroups.running(source)).as("source postmaster gone").isFalse();
        assertThat(KernelCgroups.running(target)).as("target postmaster gone").isFalse();
        assertThat(KernelCgroups.dir("cpu", sourceCpuGroup)).as("source cpu cgroup removed").doesNotExist();
        assertThat(KernelCgroups.dir("memory", targetMemoryGroup)).as("target memory cgroup removed").doesNotExist();
        assertThat(sourceData).as("source data dir removed").doesNotExist();
        assertThat(targetData).as("target data dir removed").doesNotExist();
        try (var left = Files.list(runDir)) {
            assertThat(left).as("nothing left in the run dir").isEmpty();
        }
    }

    /** Postmaster and a fresh backend are in the instance's groups, whose files hold the quota and limit. */
    private static String assertConfined(DatabaseInstance db, long quotaUs, long memoryBytes) throws Exception {
        long postmaster = ((EmbeddedPostgresInstance) db).postmasterPid();
        long backend;
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
            String cpuGroup = KernelCgroups.groupOf(postmaster, "cpu");
            String memoryGroup = KernelCgroups.groupOf(postmaster, "memory");
            assertThat(cpuGroup).as(db.name() + " postmaster cpu group").contains("/migbench/");
            assertThat(KernelCgroups.groupOf(backend, "cpu")).as(db.name() + " backend inherits cpu group")
                    .isEqualTo(cpuGroup);
            assertThat(KernelCgroups.groupOf(backend, "memory")).as(db.name() + " backend inherits memory group")
                    .isEqualTo(memoryGroup);
            assertThat(KernelCgroups.read("cpu", cpuGroup, "cpu.cfs_quota_us")).as(db.name() + " quota")
                    .isEqualTo(Long.toString(quotaUs));
            assertThat(KernelCgroups.read("cpu", cpuGroup, "cpu.cfs_period_us")).isEqualTo("100000");
            assertThat(KernelCgroups.read("memory", memoryGroup, "memory.limit_in_bytes")).as(db.name() + " memory")
                    .isEqualTo(Long.toString(memoryBytes));
            assertThat(Files.readAllLines(KernelCgroups.dir("cpu", cpuGroup).resolve("cgroup.procs")))
                    .as(db.name() + " group lists both processes")
                    .contains(Long.toString(postmaster), Long.toString(backend));
            return cpuGroup;
        }
    }
}
