package io.migbench.harness.db.accounting;

/**
 * Cumulative CPU and I/O counters of one server's processes at one moment; the difference of two readings is
 * what happened in between. A counter that cannot be read is {@code null}, and {@code method} says how the
 * others were read or why none could be.
 *
 * @param cpuSeconds user + system CPU seconds
 * @param readBytes  bytes the processes caused to be read from storage
 * @param writeBytes bytes the processes caused to be written to storage
 * @param method     how they were read, e.g. "/proc process tree (approximate)", or why not
 */
public record ResourceCounters(Double cpuSeconds, Long readBytes, Long writeBytes, String method) {

    public static ResourceCounters unavailable(String why) {
        return new ResourceCounters(null, null, null, "not measured: " + why);
    }

    /** What was used between {@code before} and this reading; a counter unknown on either side stays unknown. */
    public ResourceCounters since(ResourceCounters before) {
        return new ResourceCounters(
                cpuSeconds == null || before.cpuSeconds == null ? null : Math.max(0, cpuSeconds - before.cpuSeconds),
                difference(readBytes, before.readBytes), difference(writeBytes, before.writeBytes), method);
    }

    private static Long difference(Long after, Long before) {
        return after == null || before == null ? null : Math.max(0, after - before);
    }
}
