package io.migbench.harness.db.docker;

import io.migbench.engine.internal.Redaction;
import io.migbench.harness.db.DatabaseBackend;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.LiveInstances;
import io.migbench.harness.db.limits.BlockDevices;
import io.migbench.harness.db.limits.MountInfo;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Databases in containers through Testcontainers. A plain {@link GenericContainer} is used for both engines
 * rather than PostgreSQLContainer / MSSQLServerContainer: those read the mapped port when they start, which
 * does not exist with host networking, and they assume the official image's entrypoint.
 */
public final class DockerBackend implements DatabaseBackend {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private final DockerImages.Settings settings;

    public DockerBackend() {
        this(DockerImages.fromEnvironment(System.getenv()));
    }

    public DockerBackend(DockerImages.Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "docker";
    }

    /** Whether a Docker engine answers (never throws). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public DatabaseInstance start(InstanceSpec spec) {
        String password = newPassword();
        ContainerPlan plan = ContainerPlans.plan(spec, settings, freePort(), password, dockerDataDevice(spec));
        if (!dockerAvailable()) {
            throw new IllegalStateException("docker backend: no Docker engine answers (instance " + spec.name() + ")");
        }
        GenericContainer<?> container = container(plan);
        DockerInstance instance = new DockerInstance(spec, plan, container, password, dockerCgroupV1());
        try {
            LiveInstances.register(instance);
            container.start();
            instance.inspect();
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw new IllegalStateException("starting " + plan + " for " + spec.name() + " failed: "
                    + Redaction.redact(String.valueOf(e.getMessage()), List.of(password)), e);
        }
    }

    /** The container for a plan; touches no Docker engine until started. */
    public static GenericContainer<?> container(ContainerPlan plan) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(plan.image()));
        plan.env().forEach(c::withEnv);
        if (!plan.command().isEmpty()) {
            c.withCommand(plan.command().toArray(String[]::new));
        }
        if (plan.hostNetwork()) {
            c.withNetworkMode("host");
        } else {
            c.withExposedPorts(plan.port());
        }
        c.waitingFor(Wait.forLogMessage(plan.readyLogRegex() + "\\s", plan.readyLogTimes()).withStartupTimeout(STARTUP));
        c.withCreateContainerCmdModifier(cmd -> {
            HostConfigLimits.apply(cmd.getHostConfig(), plan);
            if (plan.platform() != null) {
                cmd.withPlatform(plan.platform());
            }
        });
        return c;
    }

    /**
     * /dev/&lt;disk&gt; under the Docker data root, for blkio limits; only resolvable when the engine is local.
     * Asked only when an I/O limit is requested.
     */
    private static String dockerDataDevice(InstanceSpec spec) {
        if (spec.limits().readBytesPerSecond() == null && spec.limits().writeBytesPerSecond() == null
                || !dockerAvailable()) {
            return null;
        }
        String root = DockerClientFactory.instance().getInfo().getDockerRootDir();
        return root == null ? null : BlockDevices.wholeDiskOf(Path.of(root), MountInfo.current())
                .flatMap(BlockDevices::name).map(n -> "/dev/" + n).orElse(null);
    }

    private static boolean dockerCgroupV1() {
        return "1".equals(DockerClientFactory.instance().getInfo().getCGroupVersion());
    }

    private static String newPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        // upper, lower, digit and symbol: SQL Server's complexity rule
        return "Mb1!" + HexFormat.of().formatHex(bytes);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The settings in effect (for environment facts). */
    public DockerImages.Settings settings() {
        return settings;
    }
}
