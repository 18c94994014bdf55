package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.results.ResourceUsage;
import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.results.TrialFixtures;
import io.migbench.harness.results.WaitProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BottleneckReportTest {
    @TempDir
    Path run;

    @Test
    void theBestConfigurationsResourceFiguresBecomeTheBottleneckSectionWithItsCharts() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(run)) {
            for (int trial = 1; trial <= 2; trial++) {
                // 1 task: slower, target half busy; 2 tasks: faster, target CPU-bound at 1.9 of its 2 cores
                w.writeTrial(TrialFixtures.trial().settingsLabel("tasks=1").tasks(1).trial(trial)
                        .phases(0.5, 16.0, 2.0, 1.5, 20.0).resources(usage(10.0, Map.of("CPU", 0.5, "Client/ClientRead", 0.5)))
                        .build());
                w.writeTrial(TrialFixtures.trial().settingsLabel("tasks=2").tasks(2).trial(trial)
                        .phases(0.5, 8.0, 1.0, 0.5, 10.0).resources(usage(19.0, Map.of("CPU", 0.61,
                                "LWLock/WALWrite", 0.22, "IO/DataFileExtend", 0.09, "IO/WALSync", 0.05, "Lock/extend", 0.03)))
                        .build());
            }
        }

        String report = Files.readString(ReportGenerator.generate(List.of(run), run, null));

        assertThat(report).as("section per platform, from the best configuration")
                .contains("## Bottleneck: where the time goes", "### small @ laptop (native, 8 cores): `tasks=2`")
                .contains("**Bottleneck: the target's CPU** (1.9 of 2 cores busy, 95.0% of what it could use).")
                .contains("target 1.9 of 2 cores busy; source 0.4 of 2 cores busy; engine 0.6 of 8 host cores busy; "
                        + "target backends 61% on CPU, 22% LWLock/WALWrite, 9% IO/DataFileExtend, 8% other; "
                        + "source backends 75% Client/ClientWrite, 25% on CPU.")
                .contains("Target WAL: 300.0 MB per trial (1.20× the COPY stream).")
                .contains("](charts/cpu-vs-tasks-small-laptop.png)", "](charts/waits-target-vs-tasks-small-laptop.png)");
        assertThat(run.resolve("charts/cpu-vs-tasks-small-laptop.png")).isNotEmptyFile();
        assertThat(run.resolve("charts/waits-source-vs-tasks-small-laptop.png")).isNotEmptyFile();
    }

    @Test
    void trialsWithoutResourceFiguresGetNoBottleneckSection() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(run)) {
            w.writeTrial(TrialFixtures.trial().build());
        }

        String report = Files.readString(ReportGenerator.generate(List.of(run), run, null));

        assertThat(report).doesNotContain("Bottleneck");
        assertThat(run.resolve("charts/cpu-vs-tasks-small-laptop.png")).doesNotExist();
    }

    private static ResourceUsage usage(double targetCpu, Map<String, Double> targetWaits) {
        double wall = targetCpu > 15 ? 10 : 20;
        return new ResourceUsage(0.4 * wall, targetCpu, 0.6 * wall, 0L, 0L, 1_000L, 400_000_000L, 300_000_000L,
                new WaitProfile(40, Map.of("Client/ClientWrite", 0.75, "CPU", 0.25)), new WaitProfile(80, targetWaits),
                "target cpu/io: /proc process tree (approximate)");
    }
}
