package io.migbench.harness.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.results.TrialFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-of-sweep screen. */
class BestSettingsTest {
    @TempDir
    Path run;

    @Test
    void aCompareWithRunShowsEachSourcesBestAndItsRatio() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(run)) {
            for (int trial = 1; trial <= 3; trial++) {
                w.writeTrial(TrialFixtures.trial().sourceEngine("sqlserver").settingsLabel("migbench t2").tasks(2)
                        .baseline(true).trial(trial).position(trial, 1).rows(1_000L).phases(0.0, 10.0, 0.0, 0.0, 10.0)
                        .build());
                w.writeTrial(TrialFixtures.trial().sourceEngine("postgresql").settingsLabel("migbench t2").tasks(2)
                        .trial(trial).position(trial, 2).rows(4_000L).phases(0.0, 10.0, 0.0, 0.0, 10.0).build());
            }
        }
        StringWriter screen = new StringWriter();

        BestSettings.print(new PrintWriter(screen), ReportService.writeSummary(run));

        assertThat(screen.toString())
                .contains("  postgresql source: migbench t2, median 400 rows/s (1.00x the fastest source)")
                .contains("  sqlserver source: migbench t2, median 100 rows/s (0.25x the fastest source)");
    }

    @Test
    void aRunWithOneSourceHasNoSourceLines() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(run)) {
            w.writeTrial(TrialFixtures.trial().settingsLabel("migbench t2").build());
        }
        StringWriter screen = new StringWriter();

        BestSettings.print(new PrintWriter(screen), ReportService.writeSummary(run));

        assertThat(screen.toString()).doesNotContain(" source: ");
    }
}
