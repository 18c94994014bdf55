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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Without writable cgroups: pins every process of the instance to CPUs with {@code taskset}. A cpuset is
 * enforced; a CPU quota is approximated by whole cores (partial); memory and I/O cannot be limited.
 */
final class AffinityConfinement implements Confinement {
    private static final Logger LOG = LoggerFactory.getLogger(AffinityConfinement.class);

    private final String name;
    private final ResourceLimits limits;
    private final String reasonOthers;

    AffinityConfinement(String name, ResourceLimits limits, String reasonOthers) {
        this.name = name;
        this.limits = limits;
        this.reasonOthers = reasonOthers;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status")) && Executables.onPath("taskset");
    }

    @Override
    public String mechanism() {
        return "cpu affinity";
    }

    /** The CPUs to pin to: the cpuset, else as many whole cores as the quota rounds up to; null for none. */
    private String cpuList() {
        if (limits.cpuset() != null) {
            return limits.cpuset();
        }
        return limits.cpus() == null ? null : HostCpus.firstOnline((int) Math.ceil(limits.cpus()));
    }

    @Override
    public EnforcedLimits confine(long postmasterPid, Supplier<List<Long>> processes) {
        String cpus = cpuList();
        String failure = null;
        if (cpus != null) {
            List<Long> pids = new ArrayList<>(List.of(postmasterPid));
            pids.addAll(processes.get());
            for (long pid : pids) {
                try {
                    taskset(cpus, pid);
                } catch (IOException e) {
                    failure = e.getMessage();
                    LOG.warn("{}: {}", name, failure);
                }
            }
        }
        String allowed = allowedCpus(postmasterPid);
        boolean pinned = cpus != null && allowed != null && HostCpus.parse(allowed).equals(HostCpus.parse(cpus));
        String why = failure != null ? failure : "Cpus_allowed_list=" + allowed;
        List<LimitReport> reports = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            String requested = limit.requested(limits);
            if (requested == null) {
                continue;
            }
            if (limit == Limit.CPUSET) {
                reports.add(new LimitReport(limit, requested, pinned ? LimitStatus.ENFORCED : LimitStatus.NOT_ENFORCED, why));
            } else if (limit == Limit.CPUS && limits.cpuset() == null) {
                reports.add(new LimitReport(limit, requested, pinned ? LimitStatus.PARTIAL : LimitStatus.NOT_ENFORCED,
                        pinned ? "approximated by pinning to CPUs " + allowed + " (no quota without cgroups)" : why));
            } else if (limit == Limit.CPUS) {
                reports.add(new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED,
                        "no CPU quota without cgroups, only the cpuset pinning applies"));
            } else {
                reports.add(new LimitReport(limit, requested, LimitStatus.NOT_ENFORCED, reasonOthers));
            }
        }
        return EnforcedLimits.of(reports);
    }

    private static void taskset(String cpus, long pid) throws IOException {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                // a backend that exited meanwhile is no failure
                if (Files.exists(Path.of("/proc", Long.toString(pid)))) {
                    throw new IOException("taskset -c " + cpus + " on pid " + pid + " failed: " + out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pinning pid " + pid, e);
        } finally {
            p.destroy();
        }
    }

    /** The CPUs the kernel allows the process, from /proc/pid/status. */
    private static String allowedCpus(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("Cpus_allowed_list:"))
                    .map(l -> l.substring("Cpus_allowed_list:".length()).strip()).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void release() {
        // affinity dies with the processes
    }
}
