package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.results.TrialFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The method section's "Trial order" line says how the trials really ran, also over several runs. */
class TrialOrderReportTest {
    @TempDir
    Path work;

    @Test
    void twoInterleavedRunsReportedTogetherAreInterleaved() throws Exception {
        Path a = interleavedRun("run-a");
        Path b = interleavedRun("run-b");

        String report = Files.readString(ReportGenerator.generate(List.of(a, b), work.resolve("both"), null));

        assertThat(report).contains("| Trial order | interleaved: rounds over every point");
    }

    @Test
    void pointsMeasuredBackToBackAreBlocked() throws Exception {
        Path run = work.resolve("blocked");
        try (ResultsWriter w = ResultsWriter.open(run)) {
            int order = 0;
            for (String point : List.of("tasks=1", "tasks=2")) {
                for (int round = 1; round <= 2; round++) {
                    w.writeTrial(TrialFixtures.trial().runId("blocked").settingsLabel(point).trial(round)
                            .position(round, ++order).build());
                }
            }
        }

        String report = Files.readString(ReportGenerator.generate(List.of(run), run, null));

        assertThat(report).contains("| Trial order | blocked: each point's trials back to back |");
    }

    /** Rounds 1 and 2, each over both points. */
    private Path interleavedRun(String runId) throws Exception {
        Path run = work.resolve(runId);
        try (ResultsWriter w = ResultsWriter.open(run)) {
            int order = 0;
            for (int round = 1; round <= 2; round++) {
                for (String point : List.of("tasks=1", "tasks=2")) {
                    w.writeTrial(TrialFixtures.trial().runId(runId).settingsLabel(point).trial(round)
                            .position(round, ++order).build());
                }
            }
        }
        return run;
    }
}
