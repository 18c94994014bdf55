package io.migbench.harness.db.docker;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.HostConfig;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The container configuration, checked without any Docker engine. */
class DockerContainerConfigTest {
    private static final long MIB = 1L << 20;
    private static final ResourceLimits LIMITS = new ResourceLimits(1.5, "0", 512 * MIB, 80_000_000L, 50_000_000L);
    private static final InstanceSpec TARGET = InstanceSpec.of("target", DatabaseEngine.POSTGRESQL, Path.of("/tmp/run"))
            .withLimits(LIMITS).withSetting("shared_buffers", "128MB").withSetting("synchronous_commit", "off");

    @Test
    void pinsDefaultImagesAndReadsOverridesFromTheEnvironment() {
        DockerImages.Settings defaults = DockerImages.fromEnvironment(Map.of());
        assertThat(defaults.postgresImage()).isEqualTo("postgres:16-alpine");
        assertThat(defaults.sqlServerImage()).isEqualTo("mcr.microsoft.com/mssql/server:2022-latest");
        assertThat(defaults.postgresKind()).isEqualTo(DockerImages.PostgresKind.OFFICIAL);
        assertThat(defaults.hostNetwork()).isFalse();
        assertThat(defaults.platform()).isNull();

        DockerImages.Settings local = DockerImages.fromEnvironment(Map.of("MIGBENCH_PG_IMAGE", "migbench-local/postgres:15",
                "MIGBENCH_DOCKER_NETWORK", "host", "MIGBENCH_DOCKER_PLATFORM", "linux/amd64"));
        assertThat(local.postgresKind()).as("local Debian image has no entrypoint").isEqualTo(DockerImages.PostgresKind.BARE);
        assertThat(local.hostNetwork()).isTrue();
        assertThat(local.platform()).isEqualTo("linux/amd64");
        assertThat(DockerImages.fromEnvironment(Map.of("MIGBENCH_PG_IMAGE", "migbench-local/pg",
                "MIGBENCH_PG_IMAGE_KIND", "official")).postgresKind()).isEqualTo(DockerImages.PostgresKind.OFFICIAL);
        assertThatThrownBy(() -> DockerImages.fromEnvironment(Map.of("MIGBENCH_DOCKER_NETWORK", "overlay")))
                .hasMessageStartingWith("MIGBENCH_DOCKER_NETWORK:");
    }

    @Test
    void writesLimitsIntoHostConfig() {
        ContainerPlan plan = ContainerPlans.plan(TARGET, DockerImages.fromEnvironment(Map.of()), 40000, "Mb1!secret",
                "/dev/vda");
        HostConfig hc = HostConfigLimits.apply(HostConfig.newHostConfig(), plan);
        assertThat(hc.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(hc.getCpusetCpus()).isEqualTo("0");
        assertThat(hc.getMemory()).isEqualTo(512 * MIB);
        assertThat(hc.getMemorySwap()).as("no swap beyond the limit").isEqualTo(512 * MIB);
        assertThat(hc.getBlkioDeviceWriteBps()).extracting(BlkioRateDevice::getPath, BlkioRateDevice::getRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/dev/vda", 50_000_000L));
        assertThat(hc.getBlkioDeviceReadBps()).extracting(BlkioRateDevice::getRate).containsExactly(80_000_000L);
        assertThat(hc.getNetworkMode()).as("bridge by default").isNull();
    }

    @Test
    void officialPostgresImageGetsEntrypointVariablesAndServerArguments() {
        ContainerPlan plan = ContainerPlans.plan(TARGET, DockerImages.fromEnvironment(Map.of()), 40000, "Mb1!secret", null);
        GenericContainer<?> c = DockerBackend.container(plan);
        assertThat(c.getEnvMap()).containsEntry("POSTGRES_PASSWORD", "Mb1!secret").containsEntry("POSTGRES_USER", "postgres");
        assertThat(c.getCommandParts()).containsExactly("postgres", "-p", "5432", "-c", "listen_addresses=*",
                "-c", "shared_buffers=128MB", "-c", "synchronous_commit=off");
        assertThat(c.getExposedPorts()).containsExactly(5432);
        assertThat(plan.readyLogTimes()).as("entrypoint restarts the server once").isEqualTo(2);
        assertThat(plan.toString()).doesNotContain("secret");
    }

    @Test
    void barePostgresImageRunsInitdbThenTheServerOnTheChosenHostPort() {
        DockerImages.Settings local = DockerImages.fromEnvironment(Map.of("MIGBENCH_PG_IMAGE", "migbench-local/postgres:15",
                "MIGBENCH_DOCKER_NETWORK", "host", "MIGBENCH_DOCKER_PLATFORM", "linux/amd64"));
        ContainerPlan plan = ContainerPlans.plan(TARGET, local, 40123, "Mb1!secret", null);
        GenericContainer<?> c = DockerBackend.container(plan);
        String[] cmd = c.getCommandParts();
        assertThat(cmd[0]).isEqualTo("sh");
        assertThat(cmd[2]).contains("initdb -D").contains("exec postgres -D").doesNotContain("secret");
        assertThat(List.of(cmd).subList(4, cmd.length)).containsExactly("-p", "40123", "-c", "listen_addresses=*",
                "-c", "shared_buffers=128MB", "-c", "synchronous_commit=off");
        assertThat(c.getEnvMap()).containsEntry(ContainerPlans.PASSWORD_ENV, "Mb1!secret")
                .doesNotContainKey("POSTGRES_PASSWORD");
        assertThat(c.getNetworkMode()).isEqualTo("host");
        assertThat(c.getExposedPorts()).as("nothing to publish with host networking").isEmpty();
        assertThat(HostConfigLimits.apply(HostConfig.newHostConfig(), plan).getNetworkMode()).isEqualTo("host");
        assertThat(plan.platform()).isEqualTo("linux/amd64");
    }

    @Test
    void sqlServerGetsEulaPasswordAndPort() {
        InstanceSpec source = new InstanceSpec("source", DatabaseEngine.SQLSERVER, LIMITS, Map.of(), Path.of("/tmp"));
        DockerImages.Settings host = DockerImages.fromEnvironment(Map.of("MIGBENCH_DOCKER_NETWORK", "host"));
        ContainerPlan plan = ContainerPlans.plan(source, host, 41433, "Mb1!secret", null);
        assertThat(plan.image()).isEqualTo(DockerImages.SQLSERVER);
        assertThat(plan.env()).containsEntry("ACCEPT_EULA", "Y").containsEntry("MSSQL_SA_PASSWORD", "Mb1!secret")
                .containsEntry("MSSQL_TCP_PORT", "41433");
        assertThat(plan.user()).isEqualTo("sa");
        assertThatThrownBy(() -> ContainerPlans.plan(source.withSetting("max_connections", "5"), host, 1, "p", null))
                .hasMessageStartingWith("serverSettings:");
    }

    @Test
    void readsBackWhatDockerReportsAndFlagsMismatchesAndV1WriteGaps() {
        ContainerPlan plan = ContainerPlans.plan(TARGET, DockerImages.fromEnvironment(Map.of()), 1, "p", "/dev/vda");
        HostConfig applied = HostConfigLimits.apply(HostConfig.newHostConfig(), plan);
        var onV1 = DockerLimitsReadBack.report(LIMITS, applied, true);
        assertThat(onV1.status(Limit.CPUS)).isEqualTo(LimitStatus.ENFORCED);
        assertThat(onV1.status(Limit.MEMORY)).isEqualTo(LimitStatus.ENFORCED);
        assertThat(onV1.status(Limit.READ_BPS)).isEqualTo(LimitStatus.ENFORCED);
        assertThat(onV1.status(Limit.WRITE_BPS)).isEqualTo(LimitStatus.PARTIAL);
        assertThat(DockerLimitsReadBack.report(LIMITS, applied, false).overall()).isEqualTo("enforced");

        HostConfig ignored = HostConfig.newHostConfig().withNanoCPUs(1_000_000_000L);
        var lost = DockerLimitsReadBack.report(LIMITS, ignored, false);
        assertThat(lost.status(Limit.CPUS)).as("quota differs from request").isEqualTo(LimitStatus.NOT_ENFORCED);
        assertThat(lost.status(Limit.MEMORY)).isEqualTo(LimitStatus.NOT_ENFORCED);
        assertThat(lost.get(Limit.WRITE_BPS).detail()).contains("no blkio rule");
    }

    @Test
    void scenarioImagesApplyUnlessTheEnvironmentOverridesThem() {
        DockerImages.Settings fromScenario = DockerImages.fromEnvironment(Map.of(), "postgres:16", "mssql:x", "linux/amd64");
        assertThat(fromScenario.postgresImage()).isEqualTo("postgres:16");
        assertThat(fromScenario.sqlServerImage()).isEqualTo("mssql:x");
        assertThat(fromScenario.platform()).isEqualTo("linux/amd64");
        assertThat(fromScenario.postgresKind()).isEqualTo(DockerImages.PostgresKind.OFFICIAL);

        DockerImages.Settings overridden = DockerImages.fromEnvironment(
                Map.of("MIGBENCH_PG_IMAGE", "migbench-local/postgres:15", "MIGBENCH_DOCKER_PLATFORM", "linux/arm64"),
                "postgres:16", null, "linux/amd64");
        assertThat(overridden.postgresImage()).as("a machine without a registry substitutes its local image")
                .isEqualTo("migbench-local/postgres:15");
        assertThat(overridden.postgresKind()).isEqualTo(DockerImages.PostgresKind.BARE);
        assertThat(overridden.platform()).isEqualTo("linux/arm64");
        assertThat(overridden.sqlServerImage()).isEqualTo(DockerImages.SQLSERVER);
    }
}
