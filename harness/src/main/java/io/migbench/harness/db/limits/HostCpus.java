package io.migbench.harness.db.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.stream.Collectors;

/** CPU lists in the kernel's syntax ("0-1,3") and the CPUs this host has online. */
public final class HostCpus {
    private HostCpus() {}

    /** The CPUs of a list like "0-2,5". */
    public static BitSet parse(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0].strip());
            int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
            if (to < from) {
                throw new IllegalArgumentException("cpuset: range " + part + " runs backwards");
            }
            cpus.set(from, to + 1);
        }
        return cpus;
    }

    /** The kernel spelling of a CPU set: "0-1,3". */
    public static String format(BitSet cpus) {
        StringBuilder out = new StringBuilder();
        int start = cpus.nextSetBit(0);
        while (start >= 0) {
            int end = cpus.nextClearBit(start) - 1;
            out.append(out.length() == 0 ? "" : ",").append(start).append(end > start ? "-" + end : "");
            start = cpus.nextSetBit(end + 1);
        }
        return out.toString();
    }

    /** CPUs online on this host (sysfs), or 0..availableProcessors-1 where sysfs is absent. */
    public static BitSet online() {
        try {
            return parse(Files.readString(Path.of("/sys/devices/system/cpu/online")));
        } catch (IOException | RuntimeException e) {
            BitSet all = new BitSet();
            all.set(0, Runtime.getRuntime().availableProcessors());
            return all;
        }
    }

    /** Rejects a cpuset naming CPUs this host does not have, naming the field and the CPUs it has. */
    public static void requireOnline(String cpuset) {
        if (cpuset == null) {
            return;
        }
        BitSet missing = parse(cpuset);
        BitSet online = online();
        missing.andNot(online);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("cpuset: CPU " + format(missing) + " does not exist on this host (online: "
                    + format(online) + ")");
        }
    }

    /** The first {@code n} online CPUs, to approximate a fractional quota by whole cores. */
    public static String firstOnline(int n) {
        return online().stream().limit(n).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
