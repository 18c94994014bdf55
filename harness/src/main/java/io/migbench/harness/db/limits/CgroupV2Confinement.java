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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * cgroup v2 (unified hierarchy, delegated to us): one group {@code <parent of our group>/migbench/<name>}, since
 * a v2 group holding processes (ours) cannot hand controllers to children. Unlike v1, io.max also throttles
 * buffered writeback, so both bandwidth limits are fully enforced.
 */
final class CgroupV2Confinement implements Confinement {
    private static final Logger LOG = LoggerFactory.getLogger(CgroupV2Confinement.class);
    private static final Map<Limit, String> CONTROLLER = Map.of(Limit.CPUS, "cpu", Limit.CPUSET, "cpuset",
            Limit.MEMORY, "memory", Limit.READ_BPS, "io", Limit.WRITE_BPS, "io");

    private final String groupName;
    private final ResourceLimits limits;
    private final Map<Limit, String> problems = new EnumMap<>(Limit.class);
    private final String device;
    private Path group;

    private CgroupV2Confinement(String groupName, ResourceLimits limits, String device) {
        this.groupName = groupName;
        this.limits = limits;
        this.device = device;
    }

    /** Whether /sys/fs/cgroup is a writable v2 hierarchy with our group's parent delegated to us. */
    static boolean available(MountInfo mounts) {
        return mounts.cgroupV2Root().flatMap(m -> CgroupFiles.pathOf(ProcessHandle.current().pid(), "")
                .map(p -> CgroupFiles.ownGroupDir(m, p).getParent()))
                .map(dir -> dir != null && Files.isWritable(dir.resolve("cgroup.subtree_control"))).orElse(false);
    }

    static CgroupV2Confinement prepare(String groupName, ResourceLimits limits, Path dataDir, MountInfo mounts) {
        CgroupV2Confinement c = new CgroupV2Confinement(groupName, limits,
                BlockDevices.wholeDiskOf(dataDir, mounts).orElse(null));
        List<Limit> requested = new ArrayList<>();
        for (Limit l : Limit.values()) {
            if (l.requested(limits) != null) {
                requested.add(l);
            }
        }
        if (requested.isEmpty()) {
            return c;
        }
        try {
            c.createGroup(mounts);
        } catch (IOException | RuntimeException e) {
            requested.forEach(l -> c.problems.put(l, e.getMessage()));
            return c;
        }
        for (Limit l : requested) {
            try {
                c.set(l);
            } catch (IOException | RuntimeException e) {
                c.problems.put(l, e.getMessage());
                LOG.warn("{}: {} limit not set: {}", groupName, l.key(), e.getMessage());
            }
        }
        return c;
    }

    @Override
    public String mechanism() {
        return "cgroup v2";
    }

    private void createGroup(MountInfo mounts) throws IOException {
        MountInfo.Mount mount = mounts.cgroupV2Root().orElseThrow(() -> new IOException("no cgroup v2 hierarchy"));
        String own = CgroupFiles.pathOf(ProcessHandle.current().pid(), "")
                .orElseThrow(() -> new IOException("this process is in no cgroup v2 group"));
        Path parent = CgroupFiles.ownGroupDir(mount, own).getParent();
        Path base = parent.resolve("migbench");
        Set<String> wanted = Set.copyOf(CONTROLLER.values());
        enableControllers(parent, wanted);
        Files.createDirectories(base);
        enableControllers(base, wanted);
        group = Files.createDirectory(base.resolve(groupName));
    }

    private static void enableControllers(Path dir, Set<String> wanted) throws IOException {
        Set<String> available = Set.of(CgroupFiles.read(dir.resolve("cgroup.controllers")).split(" "));
        for (String c : wanted) {
            if (available.contains(c)) {
                CgroupFiles.write(dir.resolve("cgroup.subtree_control"), "+" + c);
            }
        }
    }

    private void set(Limit limit) throws IOException {
        switch (limit) {
            case CPUS:
                CgroupFiles.write(group.resolve("cpu.max"),
                        Math.round(limits.cpus() * CgroupV1Confinement.PERIOD_US) + " " + CgroupV1Confinement.PERIOD_US);
                break;
            case CPUSET:
                CgroupFiles.write(group.resolve("cpuset.cpus"), limits.cpuset());
                break;
            case MEMORY:
                CgroupFiles.write(group.resolve("memory.max"), Long.toString(limits.memoryBytes()));
                if (Files.exists(group.resolve("memory.swap.max"))) {
                    CgroupFiles.write(group.resolve("memory.swap.max"), "0");
                }
                break;
            case READ_BPS:
                CgroupFiles.write(group.resolve("io.max"), BlockDevices.required(device) + " rbps=" + limits.readBytesPerSecond());
                break;
            case WRITE_BPS:
                CgroupFiles.write(group.resolve("io.max"), BlockDevices.required(device) + " wbps=" + limits.writeBytesPerSecond());
                break;
            default:
                throw new IllegalStateException("unknown limit " + limit);
        }
    }

    @Override
    public EnforcedLimits confine(long postmasterPid, Supplier<List<Long>> processes) {
        if (group != null) {
            try {
                CgroupFiles.addProcess(group, postmasterPid);
                for (long pid : processes.get()) {
                    CgroupFiles.addProcess(group, pid);
                }
            } catch (IOException e) {
                LOG.warn("{}: moving processes into {} failed: {}", groupName, group, e.getMessage());
            }
        }
        boolean inGroup = group != null && CgroupFiles.pathOf(postmasterPid, "")
                .map(p -> p.endsWith("/migbench/" + groupName)).orElse(false);
        List<LimitReport> reports = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            String requested = limit.requested(limits);
            if (requested == null) {
                continue;
            }
            if (problems.containsKey(limit) || !inGroup) {
                reports.add(new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED,
                        problems.getOrDefault(limit, "postmaster is not in " + group)));
                continue;
            }
            try {
                reports.add(readBack(limit, requested));
            } catch (IOException | RuntimeException e) {
                reports.add(new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED, "read-back failed: " + e.getMessage()));
            }
        }
        return EnforcedLimits.of(reports);
    }

    private LimitReport readBack(Limit limit, String requested) throws IOException {
        switch (limit) {
            case CPUS: {
                String[] max = CgroupFiles.read(group.resolve("cpu.max")).split(" ");
                double actual = max[0].equals("max") ? -1 : Double.parseDouble(max[0]) / Double.parseDouble(max[1]);
                return CpuQuota.report(requested, limits.cpus(), actual, "cpu.max=" + String.join(" ", max));
            }
            case CPUSET:
                return CgroupFiles.cpusetReadBack(group, requested, limits.cpuset());
            case MEMORY: {
                String max = CgroupFiles.read(group.resolve("memory.max"));
                boolean same = !max.equals("max") && limits.memoryBytes() - Long.parseLong(max) < 65536;
                return new LimitReport(limit, requested, same ? LimitStatus.ENFORCED : LimitStatus.NOT_ENFORCED,
                        "memory.max=" + max);
            }
            case READ_BPS:
            case WRITE_BPS: {
                String key = (limit == Limit.READ_BPS ? "rbps=" : "wbps=")
                        + (limit == Limit.READ_BPS ? limits.readBytesPerSecond() : limits.writeBytesPerSecond());
                boolean set = Files.readAllLines(group.resolve("io.max")).stream()
                        .anyMatch(l -> l.startsWith(device + " ") && List.of(l.split(" ")).contains(key));
                return new LimitReport(limit, requested, set ? LimitStatus.ENFORCED : LimitStatus.NOT_ENFORCED,
                        set ? "io.max " + device + " " + key : "no io.max rule for " + device);
            }
            default:
                throw new IllegalStateException("unknown limit " + limit);
        }
    }

    @Override
    public void release() {
        if (group == null) {
            return;
        }
        if (!CgroupFiles.removeGroup(group)) {
            LOG.warn("{}: cgroup {} still busy, left in place", groupName, group);
        }
        try {
            Files.deleteIfExists(group.getParent());
        } catch (IOException e) {
            // another instance still has a group under migbench/
        }
        group = null;
    }
}
