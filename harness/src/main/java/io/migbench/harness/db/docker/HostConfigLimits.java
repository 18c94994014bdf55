package io.migbench.harness.db.docker;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.HostConfig;
import io.migbench.harness.model.ResourceLimits;

import java.util.List;

/** Resource limits and network mode written into a container's HostConfig. */
public final class HostConfigLimits {
    private HostConfigLimits() {}

    public static HostConfig apply(HostConfig hc, ContainerPlan plan) {
        ResourceLimits l = plan.limits();
        if (l.cpus() != null) {
            hc.withNanoCPUs(Math.round(l.cpus() * 1e9));
        }
        if (l.cpuset() != null) {
            hc.withCpusetCpus(l.cpuset());
        }
        if (l.memoryBytes() != null) {
            // swap = memory: the container cannot spill past its limit into swap
            hc.withMemory(l.memoryBytes()).withMemorySwap(l.memoryBytes());
        }
        if (plan.blockDevicePath() != null && l.readBytesPerSecond() != null) {
            hc.withBlkioDeviceReadBps(List.of(rate(plan.blockDevicePath(), l.readBytesPerSecond())));
        }
        if (plan.blockDevicePath() != null && l.writeBytesPerSecond() != null) {
            hc.withBlkioDeviceWriteBps(List.of(rate(plan.blockDevicePath(), l.writeBytesPerSecond())));
        }
        if (plan.hostNetwork()) {
            hc.withNetworkMode("host");
        }
        return hc;
    }

    private static BlkioRateDevice rate(String path, long bps) {
        return new BlkioRateDevice().withPath(path).withRate(bps);
    }
}
