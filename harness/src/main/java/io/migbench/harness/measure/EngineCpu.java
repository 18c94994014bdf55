package io.migbench.harness.measure;

import io.migbench.harness.db.accounting.ProcessTreeCounters;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * CPU seconds of this JVM, which runs the engine in-process. On Linux they include the child processes it has
 * reaped, so a reference tool it ran (psql, pgcopydb) counts as engine too; elsewhere the JVM's own process time.
 */
final class EngineCpu {
    static final String LINUX = "engine: /proc/self incl. reaped child processes (harness threads count too)";
    static final String JVM = "engine: JVM process CPU time (harness threads count too, child tools do not)";

    private EngineCpu() {}

    static Optional<Double> seconds() {
        if (ProcessTreeCounters.available()) {
            try {
                return Optional.of(ProcessTreeCounters.cpuSecondsWithReapedChildren(ProcessHandle.current().pid()));
            } catch (IOException e) {
                // fall through to the JVM's own figure
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return Optional.of(os.getProcessCpuTime() / 1e9);
        }
        return Optional.empty();
    }

    static String method() {
        return ProcessTreeCounters.available() ? LINUX : JVM;
    }
}
