package io.migbench.harness.db.docker;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.HostConfig;
import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitReport;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Judges the HostConfig that {@code docker inspect} returns against the requested limits. */
public final class DockerLimitsReadBack {
    private DockerLimitsReadBack() {}

    /**
     * @param inspected the container's HostConfig as inspected after start
     * @param cgroupV1  whether the Docker engine runs on cgroup v1 (buffered writes then escape blkio)
     */
    public static EnforcedLimits report(ResourceLimits requested, HostConfig inspected, boolean cgroupV1) {
        List<LimitReport> out = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            String text = limit.requested(requested);
            if (text != null) {
                out.add(judge(limit, text, requested, inspected, cgroupV1));
            }
        }
        return EnforcedLimits.of(out);
    }

    private static LimitReport judge(Limit limit, String text, ResourceLimits r, HostConfig hc, boolean cgroupV1) {
        switch (limit) {
            case CPUS:
                return match(limit, text, Objects.equals(hc.getNanoCPUs(), Math.round(r.cpus() * 1e9)),
                        "NanoCpus=" + hc.getNanoCPUs());
            case CPUSET:
                return match(limit, text, r.cpuset().equals(hc.getCpusetCpus()), "CpusetCpus=" + hc.getCpusetCpus());
            case MEMORY:
                return match(limit, text, Objects.equals(hc.getMemory(), r.memoryBytes()), "Memory=" + hc.getMemory());
            case READ_BPS:
                return device(limit, text, hc.getBlkioDeviceReadBps(), r.readBytesPerSecond(), false);
            case WRITE_BPS:
                return device(limit, text, hc.getBlkioDeviceWriteBps(), r.writeBytesPerSecond(), cgroupV1);
            default:
                throw new IllegalStateException("unknown limit " + limit);
        }
    }

    private static LimitReport match(Limit limit, String text, boolean same, String readBack) {
        return new LimitReport(limit, text, same ? LimitStatus.ENFORCED : LimitStatus.NOT_ENFORCED, readBack);
    }

    private static LimitReport device(Limit limit, String text, List<BlkioRateDevice> rules, long bps, boolean partial) {
        BlkioRateDevice rule = rules == null ? null
                : rules.stream().filter(d -> Objects.equals(d.getRate(), bps)).findFirst().orElse(null);
        if (rule == null) {
            return new LimitReport(limit, text, LimitStatus.NOT_ENFORCED,
                    "no blkio rule in the container (block device of the Docker data root unknown)");
        }
        return partial
                ? new LimitReport(limit, text, LimitStatus.PARTIAL,
                        "buffered writes escape cgroup v1 blkio, rule on " + rule.getPath())
                : new LimitReport(limit, text, LimitStatus.ENFORCED, "on " + rule.getPath());
    }
}
