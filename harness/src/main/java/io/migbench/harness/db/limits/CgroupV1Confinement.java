package io.migbench.harness.db.limits;

import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitReport;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * cgroup v1: one group per controller under this process's own group ({@code .../migbench/<name>}), values
 * written before the server starts, processes moved in after, everything read back from the group's files.
 */
final class CgroupV1Confinement implements Confinement {
    private static final Logger LOG = LoggerFactory.getLogger(CgroupV1Confinement.class);
    static final long PERIOD_US = 100_000;
    private static final Map<Limit, String> CONTROLLER = Map.of(Limit.CPUS, "cpu", Limit.CPUSET, "cpuset",
            Limit.MEMORY, "memory", Limit.READ_BPS, "blkio", Limit.WRITE_BPS, "blkio");

    private final String groupName;
    private final ResourceLimits limits;
    private final Map<String, Path> groups = new LinkedHashMap<>();
    private final Map<Limit, String> problems = new EnumMap<>(Limit.class);
    private final String device;
    private String memswNote = "";

    private CgroupV1Confinement(String groupName, ResourceLimits limits, String device) {
        this.groupName = groupName;
        this.limits = limits;
        this.device = device;
    }

    /** Creates the groups and writes the limits; a limit that cannot be set is remembered with its reason. */
    static CgroupV1Confinement prepare(String groupName, ResourceLimits limits, Path dataDir, MountInfo mounts) {
        String device = BlockDevices.wholeDiskOf(dataDir, mounts).orElse(null);
        CgroupV1Confinement c = new CgroupV1Confinement(groupName, limits, device);
        for (Limit limit : Limit.values()) {
            if (limit.requested(limits) == null) {
                continue;
            }
            try {
                c.set(limit, c.group(CONTROLLER.get(limit), mounts));
            } catch (IOException | RuntimeException e) {
                c.problems.put(limit, e.getMessage());
                LOG.warn("{}: {} limit not set: {}", groupName, limit.key(), e.getMessage());
            }
        }
        return c;
    }

    /** Whether cgroup v1 is usable here: the cpu controller mounted and our group in it writable. */
    static boolean available(MountInfo mounts) {
        return mounts.cgroupV1("cpu").flatMap(m -> CgroupFiles.pathOf(ProcessHandle.current().pid(), "cpu")
                .map(p -> CgroupFiles.ownGroupDir(m, p))).map(Files::isWritable).orElse(false);
    }

    @Override
    public String mechanism() {
        return "cgroup v1";
    }

    private Path group(String controller, MountInfo mounts) throws IOException {
        Path existing = groups.get(controller);
        if (existing != null) {
            return existing;
        }
        MountInfo.Mount mount = mounts.cgroupV1(controller)
                .orElseThrow(() -> new IOException("cgroup v1 controller " + controller + " is not mounted"));
        String own = CgroupFiles.pathOf(ProcessHandle.current().pid(), controller)
                .orElseThrow(() -> new IOException("this process is in no " + controller + " cgroup"));
        Path base = CgroupFiles.ownGroupDir(mount, own).resolve("migbench");
        Files.createDirectories(base);
        if (controller.equals("cpuset")) {
            // a new cpuset group starts empty and accepts no task until cpus and mems are set
            inheritCpuset(base, "cpuset.cpus");
            inheritCpuset(base, "cpuset.mems");
        }
        Path group = Files.createDirectory(base.resolve(groupName));
        groups.put(controller, group);
        if (controller.equals("cpuset")) {
            inheritCpuset(group, "cpuset.mems");
        }
        return group;
    }

    private static void inheritCpuset(Path group, String file) throws IOException {
        if (CgroupFiles.read(group.resolve(file)).isEmpty()) {
            CgroupFiles.write(group.resolve(file), CgroupFiles.read(group.getParent().resolve(file)));
        }
    }

    private void set(Limit limit, Path group) throws IOException {
        switch (limit) {
            case CPUS:
                CgroupFiles.write(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
                CgroupFiles.write(group.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(limits.cpus() * PERIOD_US)));
                break;
            case CPUSET:
                CgroupFiles.write(group.resolve("cpuset.cpus"), limits.cpuset());
                break;
            case MEMORY:
                CgroupFiles.write(group.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
                setSwapLimit(group);
                break;
            case READ_BPS:
                CgroupFiles.write(group.resolve("blkio.throttle.read_bps_device"),
                        BlockDevices.required(device) + " " + limits.readBytesPerSecond());
                break;
            case WRITE_BPS:
                CgroupFiles.write(group.resolve("blkio.throttle.write_bps_device"),
                        BlockDevices.required(device) + " " + limits.writeBytesPerSecond());
                break;
            default:
                throw new IllegalStateException("unknown limit " + limit);
        }
    }

    /** Without memsw the group could spill into swap beyond its limit. */
    private void setSwapLimit(Path group) {
        Path memsw = group.resolve("memory.memsw.limit_in_bytes");
        if (!Files.exists(memsw)) {
            memswNote = ", swap not limited (no memory.memsw)";
            return;
        }
        try {
            CgroupFiles.write(memsw, Long.toString(limits.memoryBytes()));
        } catch (IOException e) {
            memswNote = ", swap not limited: " + e.getMessage();
        }
    }

    @Override
    public EnforcedLimits confine(long postmasterPid, Supplier<List<Long>> processes) {
        for (Map.Entry<String, Path> g : groups.entrySet()) {
            try {
                if (!CgroupFiles.addProcess(g.getValue(), postmasterPid)) {
                    throw new IllegalStateException("postmaster " + postmasterPid + " exited before it could be confined");
                }
                for (long pid : processes.get()) {
                    CgroupFiles.addProcess(g.getValue(), pid);
                }
            } catch (IOException e) {
                LOG.warn("{}: moving processes into {} failed: {}", groupName, g.getValue(), e.getMessage());
            }
        }
        List<LimitReport> reports = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            String requested = limit.requested(limits);
            if (requested != null) {
                reports.add(readBack(limit, requested, postmasterPid));
            }
        }
        return EnforcedLimits.of(reports);
    }

    private LimitReport readBack(Limit limit, String requested, long pid) {
        String controller = CONTROLLER.get(limit);
        Path group = groups.get(controller);
        if (problems.containsKey(limit) || group == null) {
            return new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED,
                    problems.getOrDefault(limit, "no " + controller + " cgroup"));
        }
        Optional<String> path = CgroupFiles.pathOf(pid, controller);
        if (path.isEmpty() || !path.get().endsWith("/migbench/" + groupName)) {
            return new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED,
                    "postmaster is in " + controller + " cgroup " + path.orElse("?") + ", not in " + group);
        }
        try {
            return readValue(limit, requested, group);
        } catch (IOException | RuntimeException e) {
            return new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED, "read-back failed: " + e.getMessage());
        }
    }

    private LimitReport readValue(Limit limit, String requested, Path group) throws IOException {
        switch (limit) {
            case CPUS: {
                long quota = Long.parseLong(CgroupFiles.read(group.resolve("cpu.cfs_quota_us")));
                long period = Long.parseLong(CgroupFiles.read(group.resolve("cpu.cfs_period_us")));
                String read = "cfs_quota_us=" + quota + "/cfs_period_us=" + period;
                return CpuQuota.report(requested, limits.cpus(), quota <= 0 ? -1 : (double) quota / period, read);
            }
            case CPUSET:
                return CgroupFiles.cpusetReadBack(group, requested, limits.cpuset());
            case MEMORY: {
                long bytes = Long.parseLong(CgroupFiles.read(group.resolve("memory.limit_in_bytes")));
                // the kernel rounds the limit down to whole pages
                boolean same = bytes <= limits.memoryBytes() && limits.memoryBytes() - bytes < 65536;
                return new LimitReport(limit, requested, same ? LimitStatus.ENFORCED : LimitStatus.NOT_ENFORCED,
                        "memory.limit_in_bytes=" + bytes + memswNote);
            }
            case READ_BPS:
                return deviceRule(limit, requested, group.resolve("blkio.throttle.read_bps_device"),
                        limits.readBytesPerSecond(), LimitStatus.ENFORCED, "");
            case WRITE_BPS:
                return deviceRule(limit, requested, group.resolve("blkio.throttle.write_bps_device"),
                        limits.writeBytesPerSecond(), LimitStatus.PARTIAL, "buffered writes escape cgroup v1 blkio");
            default:
                throw new IllegalStateException("unknown limit " + limit);
        }
    }

    private LimitReport deviceRule(Limit limit, String requested, Path file, long bps, LimitStatus whenSet, String gap)
            throws IOException {
        // only direct and fsync-driven writes are submitted by the group's own processes under v1
        String expected = device + " " + bps;
        boolean set = Files.readAllLines(file).stream().anyMatch(l -> l.strip().equals(expected));
        String dev = BlockDevices.name(device).orElse(device);
        return set
                ? new LimitReport(limit, requested, whenSet, gap.isEmpty() ? "throttled on " + dev + " (" + device + ")"
                        : gap + ", rule on " + dev + " (" + device + ")")
                : new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED, "no rule for " + device + " in " + file);
    }

    @Override
    public void release() {
        for (Path group : groups.values()) {
            if (!CgroupFiles.removeGroup(group)) {
                LOG.warn("{}: cgroup {} still busy, left in place", groupName, group);
            }
            try {
                Files.deleteIfExists(group.getParent());
            } catch (IOException e) {
                // another instance (maybe in another JVM) still has a group under migbench/
            }
        }
        groups.clear();
    }
}
