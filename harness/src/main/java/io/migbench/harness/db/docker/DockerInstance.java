package io.migbench.harness.db.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.AbstractDatabaseInstance;
import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.accounting.ResourceCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;


/** A database in a container; {@link #close()} removes the container. */
final class DockerInstance extends AbstractDatabaseInstance {
    private static final Logger LOG = LoggerFactory.getLogger(DockerInstance.class);
    private static final long RESTART_WAIT_MILLIS = 120_000;

    private final ContainerPlan plan;
    private final GenericContainer<?> container;
    private final boolean cgroupV1;
    private String host;
    private int port;
    private EnforcedLimits enforced;

    DockerInstance(InstanceSpec spec, ContainerPlan plan, GenericContainer<?> container, String password,
                   boolean cgroupV1) {
        super(spec, plan.user(), password);
        this.plan = plan;
        this.container = container;
        this.cgroupV1 = cgroupV1;
    }

    /** After the container started (or restarted): address, read-back limits, version. */
    synchronized void inspect() {
        DockerClient client = container.getDockerClient();
        InspectContainerResponse info = client.inspectContainerCmd(container.getContainerId()).exec();
        host = plan.hostNetwork() && localEngine() ? "localhost" : container.getHost();
        port = plan.hostNetwork() ? plan.port() : mappedPort(info);
        enforced = DockerLimitsReadBack.report(plan.limits(), info.getHostConfig(), cgroupV1);
        String version = readVersion();
        LOG.info("{}: {} {} in container {}, limits: {}", name(), engine(), version,
                container.getContainerId().substring(0, 12), enforced);
    }

    /** With host networking on a local engine the server is on this machine's loopback. */
    private static boolean localEngine() {
        return "unix".equals(DockerClientFactory.instance().getTransportConfig().getDockerHost().getScheme());
    }

    private int mappedPort(InspectContainerResponse info) {
        Ports.Binding[] bindings = info.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(plan.port()));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException(name() + ": container port " + plan.port() + " is not published");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    @Override
    public DatabaseEngine engine() {
        return plan.engine();
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl(engine() == DatabaseEngine.POSTGRESQL ? "postgres" : "master");
    }

    @Override
    public synchronized String jdbcUrl(String database) {
        return engine() == DatabaseEngine.POSTGRESQL
                ? "jdbc:postgresql://" + host + ":" + port + "/" + database
                : "jdbc:sqlserver://" + host + ":" + port + ";databaseName=" + database
                        + ";encrypt=false;trustServerCertificate=true";
    }

    @Override
    public synchronized EnforcedLimits enforcedLimits() {
        return enforced;
    }

    /** The container's cgroup counters, as {@code docker stats} reports them. */
    @Override
    public ResourceCounters resourceCounters() {
        return DockerStats.read(container.getDockerClient(), container.getContainerId(), cgroupV1);
    }

    /** {@code docker restart}: same container and data, limits kept by Docker (and read back again). */
    @Override
    protected void restartServer() {
        container.getDockerClient().restartContainerCmd(container.getContainerId()).withTimeout(10).exec();
        long deadline = System.currentTimeMillis() + RESTART_WAIT_MILLIS;
        while (true) {
            try {
                inspect();
                return;
            } catch (RuntimeException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(name() + ": not answering " + RESTART_WAIT_MILLIS / 1000
                            + " s after docker restart", e);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    protected void tearDown() {
        container.stop();
    }

    @Override
    public String toString() {
        return plan + " for " + name();
    }
}
