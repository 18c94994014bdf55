package io.migbench.harness.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the machine a trial ran on. Every trial row carries them, so CSVs from several hosts can be
 * merged and still say where each number came from.
 *
 * @param hostName       network host name
 * @param os             operating system name and version
 * @param arch           CPU architecture as the JVM reports it (amd64, aarch64, …)
 * @param cpuModel       CPU model name, "unknown" when the OS does not tell
 * @param logicalCores   logical CPUs visible to the JVM
 * @param memoryBytes    physical memory visible to the JVM
 * @param virtualization native, WSL2, container or VM
 */
public record EnvironmentFacts(String hostName, String os, String arch, String cpuModel, int logicalCores,
                               long memoryBytes, Virtualization virtualization) {

    public EnvironmentFacts {
        requireText(hostName, "host_name");
        requireText(os, "os");
        requireText(arch, "arch");
        requireText(cpuModel, "cpu_model");
        if (logicalCores < 1) {
            throw new IllegalArgumentException("logical_cores: must be at least 1, got " + logicalCores);
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memory_bytes: must not be negative, got " + memoryBytes);
        }
        if (virtualization == null) {
            throw new IllegalArgumentException("virtualization: missing");
        }
    }

    private static void requireText(String value, String column) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + ": missing");
        }
    }

    /** The facts of the machine this JVM runs on. */
    public static EnvironmentFacts detect() {
        Path root = Path.of("/");
        String cpuinfo = read(root.resolve("proc/cpuinfo")).orElse("");
        return new EnvironmentFacts(
                localHostName(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                cpuModel(cpuinfo).or(EnvironmentFacts::sysctlCpuModel).orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                physicalMemory(),
                classify(root));
    }

    /** Classifies the machine from the files under {@code root} (normally "/"; a test passes a fake tree). */
    static Virtualization classify(Path root) {
        String procVersion = read(root.resolve("proc/version")).orElse("").toLowerCase(Locale.ROOT);
        if (procVersion.contains("microsoft")) {
            return Virtualization.WSL2;
        }
        String initCgroup = read(root.resolve("proc/1/cgroup")).orElse("");
        if (Files.exists(root.resolve(".dockerenv")) || Files.exists(root.resolve("run/.containerenv"))
                || initCgroup.matches("(?s).*(docker|containerd|kubepods|libpod|lxc).*")) {
            return Virtualization.CONTAINER;
        }
        String dmi = (read(root.resolve("sys/class/dmi/id/product_name")).orElse("") + " "
                + read(root.resolve("sys/class/dmi/id/sys_vendor")).orElse("")).toLowerCase(Locale.ROOT);
        boolean hypervisorFlag = read(root.resolve("proc/cpuinfo")).orElse("")
                .lines().anyMatch(l -> l.startsWith("flags") && l.matches(".*\\bhypervisor\\b.*"));
        if (hypervisorFlag || dmi.matches(".*(kvm|qemu|vmware|virtualbox|xen|hyper-v|virtual machine"
                + "|amazon ec2|google compute engine|openstack|bochs|parallels).*")) {
            return Virtualization.VM;
        }
        return Virtualization.NATIVE;
    }

    static Optional<String> cpuModel(String cpuinfo) {
        return cpuinfo.lines()
                .filter(l -> l.startsWith("model name") || l.startsWith("Model") || l.startsWith("Hardware"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .filter(s -> !s.isEmpty())
                .findFirst();
    }

    private static Optional<String> sysctlCpuModel() {
        try {
            Process p = new ProcessBuilder("sysctl", "-n", "machdep.cpu.brand_string").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean done = p.waitFor(5, TimeUnit.SECONDS);
            return done && p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = Optional.ofNullable(System.getenv("HOSTNAME")).orElse(System.getenv("COMPUTERNAME"));
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1).trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
