package io.migbench.harness.db.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads cgroup v1 facts straight from the kernel's files, independently of the code under test. */
final class KernelCgroups {
    private KernelCgroups() {}

    /** Whether cgroup v1 cpu and memory hierarchies are mounted at /sys/fs/cgroup/{cpu,memory} and writable. */
    static boolean v1Writable() {
        return Files.isWritable(Path.of("/sys/fs/cgroup/cpu/cgroup.procs"))
                && Files.isWritable(Path.of("/sys/fs/cgroup/memory/cgroup.procs"))
                && !Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    }

    /** The cgroup path of {@code pid} in the v1 hierarchy of {@code controller}, from /proc/pid/cgroup. */
    static String groupOf(long pid, String controller) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"));
        return lines.stream().map(l -> l.split(":", 3))
                .filter(f -> List.of(f[1].split(",")).contains(controller))
                .map(f -> f[2]).findFirst().orElseThrow(() -> new IOException("no " + controller + " line for " + pid));
    }

    /** Whether {@code pid} is a live process (a zombie waiting to be reaped by init counts as gone). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** A file of the group, e.g. file("cpu", "/migbench/x", "cpu.cfs_quota_us"). */
    static Path dir(String controller, String group) {
        return Path.of("/sys/fs/cgroup", controller, group.substring(1));
    }

    static String read(String controller, String group, String file) throws IOException {
        return Files.readString(dir(controller, group).resolve(file)).strip();
    }
}
