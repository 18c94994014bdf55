package io.migbench.harness.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The resource limits a platform profile asks for, for one database instance. Every field is optional
 * ({@code null} = no limit). Validated in one place, {@link #validate()}, with messages naming the field.
 *
 * @param cpus                 CPU quota in cores, fractional allowed (e.g. 0.5)
 * @param cpuset               CPUs the instance may run on, kernel list syntax (e.g. "0" or "0-1,3")
 * @param memoryBytes          memory limit in bytes
 * @param readBytesPerSecond   read bandwidth cap on the data directory's block device
 * @param writeBytesPerSecond  write bandwidth cap on the data directory's block device
 */
public record ResourceLimits(
        Double cpus,
        String cpuset,
        Long memoryBytes,
        Long readBytesPerSecond,
        Long writeBytesPerSecond) {

    /** Smallest memory limit with which PostgreSQL can start at all. */
    public static final long MIN_MEMORY_BYTES = 64L * 1024 * 1024;
    /** Smallest CPU quota the kernel's CFS accepts in practice (1 ms per 100 ms period). */
    public static final double MIN_CPUS = 0.01;

    public static final ResourceLimits NONE = new ResourceLimits(null, null, null, null, null);

    public ResourceLimits {
        List<String> problems = problems(cpus, cpuset, memoryBytes, readBytesPerSecond, writeBytesPerSecond);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public boolean isUnlimited() {
        return cpus == null && cpuset == null && memoryBytes == null
                && readBytesPerSecond == null && writeBytesPerSecond == null;
    }

    private static List<String> problems(Double cpus, String cpuset, Long memory, Long read, Long write) {
        List<String> out = new ArrayList<>();
        if (cpus != null && (cpus.isNaN() || cpus < MIN_CPUS)) {
            out.add("cpus: must be at least " + MIN_CPUS + ", got " + cpus);
        }
        if (cpuset != null && !cpuset.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            out.add("cpuset: must be a CPU list like \"0\" or \"0-1,3\", got \"" + cpuset + "\"");
        }
        if (memory != null && memory < MIN_MEMORY_BYTES) {
            out.add("memory: must be at least 64MiB for PostgreSQL to start, got " + memory + " bytes");
        }
        if (read != null && read <= 0) {
            out.add("read_bytes_per_second: must be > 0, got " + read);
        }
        if (write != null && write <= 0) {
            out.add("write_bytes_per_second: must be > 0, got " + write);
        }
        return out;
    }
}
