package io.migbench.harness.db.limits;

import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitReport;
import io.migbench.harness.db.LimitStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small file operations on cgroup filesystems, with errors that name the file. */
final class CgroupFiles {
    private CgroupFiles() {}

    static void write(Path file, String value) throws IOException {
        try {
            // cgroup files take one value per write() call
            Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IOException("writing \"" + value + "\" to " + file + ": " + e.getMessage(), e);
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** The group's cpuset.cpus read back (the same file under v1 and v2) against the CPUs asked for. */
    static LimitReport cpusetReadBack(Path group, String requested, String wantedCpus) throws IOException {
        String cpus = read(group.resolve("cpuset.cpus"));
        boolean same = HostCpus.parse(cpus).equals(HostCpus.parse(wantedCpus));
        return new LimitReport(Limit.CPUSET, requested, same ? LimitStatus.ENFORCED : LimitStatus.NOT_ENFORCED,
                "cpuset.cpus=" + cpus);
    }

    /** Moves a whole process (all its threads) into the group; false if it has exited meanwhile. */
    static boolean addProcess(Path group, long pid) throws IOException {
        try {
            write(group.resolve("cgroup.procs"), Long.toString(pid));
            return true;
        } catch (IOException e) {
            if (!Files.exists(Path.of("/proc", Long.toString(pid)))) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The cgroup path of {@code pid} in the hierarchy whose /proc/pid/cgroup line matches {@code controller}
     * (v1: one of the comma-separated controllers; v2: the empty controller list).
     */
    static Optional<String> pathOf(long pid, String controller) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
            for (String line : lines) {
                String[] f = line.split(":", 3);
                if (f.length == 3 && (controller.isEmpty() ? f[1].isEmpty()
                        : List.of(f[1].split(",")).contains(controller))) {
                    return Optional.of(f[2]);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** rmdir, retried briefly while exiting processes are still being reaped; false if it stays busy. */
    static boolean removeGroup(Path group) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(group);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** The directory of this process's own cgroup under {@code mount} (mount root stripped, as in containers). */
    static Path ownGroupDir(MountInfo.Mount mount, String cgroupPath) {
        String rel = cgroupPath;
        if (!mount.root().equals("/") && rel.startsWith(mount.root())) {
            rel = rel.substring(mount.root().length());
        }
        return mount.mountPoint().resolve(rel.replaceFirst("^/+", ""));
    }
}
