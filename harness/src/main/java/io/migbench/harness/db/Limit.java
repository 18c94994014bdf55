package io.migbench.harness.db;

import io.migbench.harness.model.ByteSizes;
import io.migbench.harness.model.ResourceLimits;
/** The kinds of resource limit, with the key used for them in CSV summaries. */
public enum Limit {
    CPUS("cpus"),
    CPUSET("cpuset"),
    MEMORY("memory"),
    READ_BPS("read_bps"),
    WRITE_BPS("write_bps");

    private final String key;

    Limit(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The requested value in {@code limits} as text ("0.5", "0-1", "512MiB", "50MB/s"), or null if not requested. */
    public String requested(ResourceLimits limits) {
        switch (this) {
            case CPUS:
                return limits.cpus() == null ? null : stripZeros(limits.cpus());
            case CPUSET:
                return limits.cpuset();
            case MEMORY:
                return limits.memoryBytes() == null ? null : ByteSizes.format(limits.memoryBytes());
            case READ_BPS:
                return limits.readBytesPerSecond() == null ? null : ByteSizes.formatRate(limits.readBytesPerSecond());
            case WRITE_BPS:
                return limits.writeBytesPerSecond() == null ? null : ByteSizes.formatRate(limits.writeBytesPerSecond());
            default:
                throw new IllegalStateException("unknown limit " + this);
        }
    }

    private static String stripZeros(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
