package io.migbench.harness.db.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real containers, wherever a Docker engine answers and the image is present (no registry is assumed). */
@Testcontainers(disabledWithoutDocker = true)
class DockerContainersTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path runDir;

    @Test
    void startsPostgresWithLimitsReadBackFromDockerInspect() throws Exception {
        DockerImages.Settings settings = DockerImages.fromEnvironment(System.getenv());
        assumeTrue(imagePresent(settings.postgresImage()), "image " + settings.postgresImage()
                + " not present locally (no registry assumed; run docker-local/setup.sh start and set MIGBENCH_PG_IMAGE)");
        InstanceSpec spec = new InstanceSpec("target", DatabaseEngine.POSTGRESQL,
                new ResourceLimits(0.5, null, 512 * MIB, null, null), Map.of("work_mem", "8MB"), runDir);
        String containerId;
        try (DatabaseInstance db = new DockerBackend(settings).start(spec)) {
            assertThat(db.isAlive()).isTrue();
            assertThat(db.enforcedLimits().status(Limit.CPUS)).isEqualTo(LimitStatus.ENFORCED);
            assertThat(db.enforcedLimits().status(Limit.MEMORY)).isEqualTo(LimitStatus.ENFORCED);
            assertThat(db.effectiveSettings()).as("setting reached the server").containsEntry("work_mem", "8MB");
            assertThat(db.toString()).doesNotContain(db.password());
            assertThat(db.jdbcUrl()).doesNotContain(db.password());
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT setting FROM pg_settings WHERE name = 'server_version_num'")) {
                rs.next();
                assertThat(rs.getString(1)).isNotBlank();
            }
            containerId = DockerClientFactory.instance().client().listContainersCmd().exec().stream()
                    .filter(c -> c.getImage().equals(settings.postgresImage())).findFirst().orElseThrow().getId();
            var inspected = DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec().getHostConfig();
            assertThat(inspected.getNanoCPUs()).as("docker inspect").isEqualTo(500_000_000L);
            assertThat(inspected.getMemory()).isEqualTo(512 * MIB);
        }
        boolean gone = DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
                .noneMatch(c -> c.getId().equals(containerId));
        assertThat(gone).as("container removed on close").isTrue();
    }

    @Test
    void startsSqlServerWhereItsImageIsAvailable() throws Exception {
        DockerImages.Settings settings = DockerImages.fromEnvironment(System.getenv());
        assumeTrue(imagePresent(settings.sqlServerImage()), "SQL Server image " + settings.sqlServerImage()
                + " not present locally (it cannot be built without a registry)");
        InstanceSpec spec = new InstanceSpec("source", DatabaseEngine.SQLSERVER,
                new ResourceLimits(2.0, null, 2048 * MIB, null, null), Map.of(), runDir);
        try (DatabaseInstance db = new DockerBackend(settings).start(spec)) {
            assertThat(db.isAlive()).isTrue();
            assertThat(db.version()).isNotBlank();
            assertThat(db.enforcedLimits().status(Limit.MEMORY)).isEqualTo(LimitStatus.ENFORCED);
        }
    }

    private static boolean imagePresent(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
