package io.migbench.harness.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.report.ReportFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen a sweep ends with, over the fixed runs of src/test/resources/report-fixture; compare-with is a recorded
 * {@code source.compare_with} sweep (a SQL Server source through Babelfish, beside a PostgreSQL source).
 */
class BestSettingsTest {
    @TempDir
    Path work;

    @Test
    void aCompareWithSweepEndsWithEachSourcesBestAndItsRatioToTheFastestSource() throws IOException {
        List<String> lines = closingScreen("compare-with");

        // migbench t2 on either source: medians 99,563 (sqlserver) and 221,346 rows/s (postgresql), as REPORT.md's
        // "Source engines compared" has them
        assertThat(lines).containsSequence(
                "  sqlserver source: migbench t2, median 99,563 rows/s, 0.45× of the fastest source (distinguishable)",
                "  postgresql source: migbench t2, median 221,346 rows/s, 1.00× of the fastest source");
    }

    @Test
    void aSweepOfOneSourceNamesNoSource() throws IOException {
        assertThat(closingScreen("run-a")).noneMatch(l -> l.contains(" source: "));
    }

    private List<String> closingScreen(String run) throws IOException {
        StringWriter out = new StringWriter();
        BestSettings.print(new PrintWriter(out), ReportService.summary(ReportFixture.copy(work, run)));
        return out.toString().lines().toList();
    }
}
