package io.migbench.harness.report;

/**
 * How many cores a component could use: a server's CPU limit (a quota, else the size of its cpuset), or the host's
 * logical cores when it had none. Read from the compact requested-limits column, e.g. {@code cpuset=0-1;memory=2GiB}.
 */
record CoreBudget(double cores, boolean limited) {

    static CoreBudget of(String limitsRequested, int hostCores) {
        Double quota = null;
        Integer cpuset = null;
        for (String part : limitsRequested.split("[;\\s]+")) {
            if (part.startsWith("cpus=")) {
                quota = Double.parseDouble(part.substring("cpus=".length()));
            } else if (part.startsWith("cpuset=")) {
                cpuset = countCpus(part.substring("cpuset=".length()));
            }
        }
        if (quota != null) {
            return new CoreBudget(cpuset == null ? quota : Math.min(quota, cpuset), true);
        }
        return cpuset != null ? new CoreBudget(cpuset, true) : new CoreBudget(hostCores, false);
    }

    /** CPUs in a cpuset list such as {@code 0-2,5}. */
    static int countCpus(String list) {
        int n = 0;
        for (String range : list.split(",")) {
            String[] ends = range.trim().split("-");
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1].trim()) - Integer.parseInt(ends[0].trim()) + 1;
        }
        return n;
    }

    /** "1 core", "2 cores", "1.5 cores", with "host" when it had no limit. */
    String label() {
        String n = cores == Math.rint(cores) ? String.valueOf((long) cores) : Format.decimal(cores, 1);
        return n + (limited ? "" : " host") + (cores == 1 ? " core" : " cores");
    }
}
