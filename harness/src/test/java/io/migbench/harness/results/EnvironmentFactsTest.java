package io.migbench.harness.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFactsTest {
    @TempDir
    Path root;

    @Test
    void wsl2IsRecognisedFromTheKernelVersion() throws Exception {
        write("proc/version", "Linux version 5.15.153.1-microsoft-standard-WSL2 (gcc) #1 SMP");
        assertThat(EnvironmentFacts.classify(root)).isEqualTo(Virtualization.WSL2);
    }

    @Test
    void containerIsRecognisedFromDockerenvOrInitCgroup() throws Exception {
        write("proc/version", "Linux version 6.1.0-18-amd64");
        write("proc/1/cgroup", "0::/system.slice/docker-3f2a.scope");
        assertThat(EnvironmentFacts.classify(root)).as("cgroup").isEqualTo(Virtualization.CONTAINER);
        write("proc/1/cgroup", "0::/");
        write(".dockerenv", "");
        assertThat(EnvironmentFacts.classify(root)).as(".dockerenv").isEqualTo(Virtualization.CONTAINER);
    }

    @Test
    void vmIsRecognisedFromDmiOrHypervisorFlag() throws Exception {
        write("sys/class/dmi/id/product_name", "KVM");
        assertThat(EnvironmentFacts.classify(root)).as("dmi").isEqualTo(Virtualization.VM);
        Files.delete(root.resolve("sys/class/dmi/id/product_name"));
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme sse2 hypervisor avx\n");
        assertThat(EnvironmentFacts.classify(root)).as("cpuinfo flag").isEqualTo(Virtualization.VM);
    }

    @Test
    void bareTreeIsNative() throws Exception {
        write("proc/version", "Linux version 6.1.0-18-amd64");
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu sse2\n");
        assertThat(EnvironmentFacts.classify(root)).isEqualTo(Virtualization.NATIVE);
        assertThat(EnvironmentFacts.cpuModel(Files.readString(root.resolve("proc/cpuinfo")))).contains("AMD EPYC 7B13");
    }

    @Test
    void detectDescribesThisMachine() {
        EnvironmentFacts facts = EnvironmentFacts.detect();
        assertThat(facts.logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.memoryBytes()).as("physical memory").isGreaterThan(64L << 20);
        assertThat(facts.arch()).isEqualTo(System.getProperty("os.arch"));
        assertThat(facts.hostName()).isNotBlank();
    }

    private void write(String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
