package io.migbench.harness.db.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The mount table of this process, from {@code /proc/self/mountinfo}; empty where there is none. */
public final class MountInfo {
    /**
     * One mount.
     *
     * @param device       "major:minor" of the mounted device (major 0 = no block device)
     * @param root         root of the mount inside its filesystem (for cgroup mounts: the cgroup path)
     * @param mountPoint   where it is mounted
     * @param fsType       filesystem type (ext4, cgroup, cgroup2, tmpfs, overlay ...)
     * @param superOptions super-block options (for cgroup v1: the controllers)
     */
    public record Mount(String device, String root, Path mountPoint, String fsType, List<String> superOptions) {}

    private final List<Mount> mounts;

    MountInfo(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    public static MountInfo current() {
        Path file = Path.of("/proc/self/mountinfo");
        try {
            return Files.isReadable(file) ? parse(Files.readAllLines(file)) : new MountInfo(List.of());
        } catch (IOException e) {
            return new MountInfo(List.of());
        }
    }

    static MountInfo parse(List<String> lines) {
        List<Mount> out = new ArrayList<>();
        for (String line : lines) {
            // id parent major:minor root mountpoint options [optional fields...] - fstype source superoptions
            String[] halves = line.split(" - ", 2);
            String[] left = halves[0].split(" ");
            if (halves.length < 2 || left.length < 5) {
                continue;
            }
            String[] right = halves[1].split(" ");
            List<String> superOptions = right.length > 2 ? List.of(right[2].split(",")) : List.of();
            out.add(new Mount(left[2], unescape(left[3]), Path.of(unescape(left[4])), right[0], superOptions));
        }
        return new MountInfo(out);
    }

    /** The mount holding {@code path} (longest mount point that is a prefix of the real path). */
    public Optional<Mount> mountOf(Path realPath) {
        return mounts.stream().filter(m -> realPath.startsWith(m.mountPoint()))
                .max(Comparator.comparingInt(m -> m.mountPoint().getNameCount()));
    }

    /** The cgroup v1 mount carrying {@code controller}, if any. */
    public Optional<Mount> cgroupV1(String controller) {
        return mounts.stream().filter(m -> m.fsType().equals("cgroup") && m.superOptions().contains(controller))
                .findFirst();
    }

    /** The cgroup v2 mount at /sys/fs/cgroup (unified mode), if any. */
    public Optional<Mount> cgroupV2Root() {
        return mounts.stream().filter(m -> m.fsType().equals("cgroup2")
                && m.mountPoint().equals(Path.of("/sys/fs/cgroup"))).findFirst();
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
