package io.migbench.harness.db;

import io.migbench.harness.model.ByteSizes;
import io.migbench.harness.model.ResourceLimits;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;
import io.migbench.harness.db.limits.HostCpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Impossible input fails before anything starts, with a message naming the field. */
class BadInputTest {
    @TempDir
    Path tmp;

    @Test
    void rejectsZeroCpus() {
        assertThatThrownBy(() -> new ResourceLimits(0.0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cpus:");
    }

    @Test
    void rejectsOneKibibyteOfMemory() {
        long oneKiB = ByteSizes.size("1KiB");
        assertThatThrownBy(() -> new ResourceLimits(null, null, oneKiB, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("memory:")
                .hasMessageContaining("1024 bytes");
    }

    @Test
    void rejectsCpusetNamingCpusThisHostLacksBeforeCreatingAnything() {
        int missing = HostCpus.online().length() + 7;
        Path runDir = tmp.resolve("run");
        InstanceSpec spec = new InstanceSpec("source", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(null, "0," + missing, null, null, null), Map.of(), runDir);
        assertThatThrownBy(() -> new EmbeddedPostgresBackend().start(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cpuset: CPU " + missing + " does not exist on this host");
        assertThat(Files.exists(runDir)).as("nothing was created").isFalse();
        assertThat(LiveInstances.count()).as("nothing was started").isZero();
    }

    @Test
    void rejectsSqlServerOnTheEmbeddedBackend() {
        InstanceSpec spec = InstanceSpec.of("source", DatabaseEngine.SQLSERVER, tmp.resolve("run"));
        assertThatThrownBy(() -> new EmbeddedPostgresBackend().start(spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("engine:");
        assertThat(Files.exists(tmp.resolve("run"))).isFalse();
    }

    @Test
    void rejectsSpecsWithBadNamesOrSettings() {
        assertThatThrownBy(() -> InstanceSpec.of("../etc", DatabaseEngine.POSTGRESQL, tmp))
                .hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new InstanceSpec("t", DatabaseEngine.POSTGRESQL, null, Map.of("port", "5432"), tmp))
                .hasMessageStartingWith("serverSettings.port:");
        assertThatThrownBy(() -> new InstanceSpec("t", null, null, Map.of(), tmp)).hasMessageStartingWith("engine:");
        assertThatThrownBy(() -> new InstanceSpec("t", DatabaseEngine.POSTGRESQL, null,
                Map.of("shared_buffers", "1GB\nfsync=off"), tmp)).hasMessageStartingWith("serverSettings.shared_buffers:");
    }

    @Test
    void rejectsUnknownBackendNames() {
        assertThatThrownBy(() -> Backends.named("kubernetes", Map.of()))
                .hasMessageStartingWith("backend: unknown \"kubernetes\"");
        assertThat(Backends.named(null, Map.of()).name()).isEqualTo("embedded");
        assertThat(Backends.named("docker", Map.of()).name()).isEqualTo("docker");
        assertThatThrownBy(() -> Backends.named("external", Map.of())).hasMessageStartingWith("backend: external");
    }
}
