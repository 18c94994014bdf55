package io.migbench.harness.db.docker;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.model.ResourceLimits;

import java.util.List;
import java.util.Map;

/**
 * Everything about one database container, decided before Docker is touched (so it can be unit tested).
 *
 * @param engine          engine in the container
 * @param image           image name
 * @param platform        image platform or null
 * @param hostNetwork     host networking (then {@code port} is a free host port the server listens on)
 * @param port            port the server listens on inside the container
 * @param command         container command
 * @param env             container environment (holds the password: never log it)
 * @param readyLogRegex   log line announcing readiness
 * @param readyLogTimes   how often that line appears before the server is ready
 * @param limits          resource limits for HostConfig
 * @param blockDevicePath device for blkio limits (e.g. /dev/vda), null when unknown
 * @param user            database user
 */
public record ContainerPlan(DatabaseEngine engine, String image, String platform, boolean hostNetwork, int port,
                            List<String> command, Map<String, String> env, String readyLogRegex, int readyLogTimes,
                            ResourceLimits limits, String blockDevicePath, String user) {
    public ContainerPlan {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    @Override
    public String toString() {
        return engine + " container " + image + (hostNetwork ? " (host network, port " + port + ")" : " (bridge)");
    }
}
