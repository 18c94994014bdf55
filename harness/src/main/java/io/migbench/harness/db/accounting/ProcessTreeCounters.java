package io.migbench.harness.db.accounting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a PostgreSQL server's CPU and I/O from /proc: every live process of the instance, plus what the
 * postmaster's reaped children used (the kernel adds an exited child's CPU to its parent's cutime/cstime and its
 * I/O to the parent's /proc/pid/io once the parent waits for it). So backends that exit during a trial still
 * count. Approximate: CPU in 10 ms ticks, and a process exiting between two reads can be missed or counted twice.
 */
public final class ProcessTreeCounters {
    static final String METHOD = "/proc process tree (approximate)";
    /** USER_HZ, the unit of /proc/pid/stat times; 100 on every Linux architecture migbench runs on. */
    private static final double TICKS_PER_SECOND = 100;
    // 0-based positions of utime, stime, cutime, cstime among the fields after the ")" that closes comm
    private static final int UTIME = 11;
    private static final int CSTIME = 14;

    private ProcessTreeCounters() {}

    /** Whether this host has the files read here. */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat")) && Files.isReadable(Path.of("/proc/self/io"));
    }

    /** Sums the counters of {@code pids} (all processes of the instance, the postmaster among them). */
    public static ResourceCounters read(long postmasterPid, List<Long> pids) {
        if (!available()) {
            return ResourceCounters.unavailable("no readable /proc on this host");
        }
        long ticks = 0;
        long read = 0;
        long written = 0;
        for (long pid : pids) {
            try {
                long[] times = cpuTicks(pid);
                ticks += times[0] + times[1] + (pid == postmasterPid ? times[2] + times[3] : 0);
                long[] io = io(pid);
                read += io[0];
                written += io[1];
            } catch (IOException | RuntimeException e) {
                // the process exited between listing and reading: its parent's counters take it over
            }
        }
        return new ResourceCounters(ticks / TICKS_PER_SECOND, read, written, METHOD);
    }

    /** CPU seconds of one process and of the children it has reaped (e.g. the JVM and the tools it ran). */
    public static double cpuSecondsWithReapedChildren(long pid) throws IOException {
        long[] t = cpuTicks(pid);
        return (t[0] + t[1] + t[2] + t[3]) / TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime of one process in clock ticks. */
    private static long[] cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // comm may hold spaces and parentheses: the fields start after the last ")"
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long[] out = new long[CSTIME - UTIME + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(f[UTIME + i]);
        }
        return out;
    }

    /** read_bytes and write_bytes of one process (storage I/O, not page-cache hits). */
    private static long[] io(long pid) throws IOException {
        long[] out = new long[2];
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
            if (line.startsWith("read_bytes:")) {
                out[0] = Long.parseLong(line.substring("read_bytes:".length()).trim());
            } else if (line.startsWith("write_bytes:")) {
                out[1] = Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        }
        return out;
    }
}
