package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the recorded {@code source.compare_with} sweep of src/test/resources/report-fixture: the main source
 * is SQL Server (the baseline, migbench and freebcp-out), the compared PostgreSQL source ran migbench only, faster.
 */
class CompareWithSourceReportTest {
    @TempDir
    Path work;

    @Test
    void theEngineChartNamesTheSourceItShowsAndTheTableKeepsEverySource() throws IOException {
        String report = Files.readString(ReportGenerator.generate(List.of(ReportFixture.copy(work, "compare-with")),
                work.resolve("report"), null));

        assertThat(report).contains("![Copy engines on the sqlserver source (best of each, "
                + "bars = interval of the median)](charts/engine-comparison.png)");
        assertThat(report.lines().filter(l -> l.startsWith("| default @ vm (container, 2 cores) | ") && l.contains(" source) |"))
                .map(l -> l.split(" \\| ")[1]).toList()).as("the copy-engine table, per source engine")
                .containsExactly("migbench (sqlserver source)", "freebcp-out (sqlserver source)", "migbench (postgresql source)");
    }

    @Test
    void eachTableIsSetAgainstTheLimitLineAtOneStreamWhereTheSourceHasOne() throws IOException {
        String report = Files.readString(ReportGenerator.generate(List.of(ReportFixture.copy(work, "compare-with")),
                work.resolve("report"), null));

        assertThat(report).contains("### default @ vm (container, 2 cores), sqlserver source: each table against "
                + "`freebcp-out` (migbench t1 vs freebcp-out t1)");
        assertThat(report).as("both ran one task, so each table was one stream")
                .contains("One stream per table in both (1 task each); seconds are medians");
        // posts at t1, measured trials 2-4 of tables.csv: migbench 3.071, 3.984, 2.753 s; freebcp-out 2.038, 2.741,
        // 1.923 s; medians 3.071 and 2.038 give 0.66x, and the ranges (2.753-3.984, 1.923-2.741) do not meet
        assertThat(report).contains("| dbo.posts | 85,711 | 3.071 s (2.753–3.984) | 2.038 s (1.923–2.741) | "
                + "0.66× (distinguishable) |");
        assertThat(report).as("the PostgreSQL source of this run has no limit line to set its tables against")
                .doesNotContain("postgresql source: each table against");
    }

    @Test
    void aTableMeasuredOnceIsNeverCalledDistinguishable() throws IOException {
        Path run = ReportFixture.copy(work, "compare-with");
        // keep the warmup and the first measured trial: one measurement per table and engine
        for (String file : List.of("trials.csv", "tables.csv")) {
            int trialColumn = file.equals("trials.csv") ? 31 : 5;
            List<String> lines = Files.readAllLines(run.resolve(file));
            Files.write(run.resolve(file), lines.stream().filter(l -> l == lines.get(0)
                    || Integer.parseInt(l.split(",", -1)[trialColumn]) <= 2).toList());
        }

        String report = Files.readString(ReportGenerator.generate(List.of(run), work.resolve("report"), null));

        // posts at t1, trial 2: migbench 3.071 s, freebcp-out 2.038 s; one trial each has no interval
        assertThat(report).contains("| dbo.posts | 85,711 | 3.071 s (3.071–3.071) | 2.038 s (2.038–2.038) | "
                + "0.66× (not distinguishable) |");
    }
}
