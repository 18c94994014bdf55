package io.migbench.harness.report;

import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.SourceTablesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report comparing a sampled run with a full one of the same settings (what {@code migbench compare sample full}
 * does for the projection check): their trials are not repeats of one another, so they are never pooled, the
 * sample's configurations say so, and the findings speak of the full run.
 */
class SampleAndFullReportTest {
    @TempDir
    Path work;

    @Test
    void sampleTrialsAreNeitherPooledWithTheFullRunsNorRankedAgainstThem() throws Exception {
        Path sample = ReportFixture.copy(work.resolve("s"), "run-a");
        Path full = ReportFixture.copy(work.resolve("f"), "run-a");
        SourceTablesFile.append(sample, List.of(new SourceTable("small", "public", "posts", 400_000, 1 << 30, 1 << 26, true, 0.25),
                new SourceTable("small", "public", "users", 10_000, 1 << 20, 1 << 18, true, 1)));
        SourceTablesFile.append(full, List.of(new SourceTable("small", "public", "posts", 400_000, 1 << 30, 1 << 26, true, 1),
                new SourceTable("small", "public", "users", 10_000, 1 << 20, 1 << 18, true, 1)));

        String report = Files.readString(ReportGenerator.generate(List.of(sample, full), work.resolve("report"), null));

        List<String> configurations = report.lines().filter(l -> l.startsWith("| small@laptop | postgresql | migbench | "))
                .toList();
        List<String> sampled = configurations.stream().filter(l -> l.contains(" (25% sample)")).toList();
        assertThat(sampled).as("every configuration twice, once as the sample's").isNotEmpty()
                .hasSize(configurations.size() / 2);
        assertThat(configurations).as("3 measured trials each, as in run-a, not 6 pooled")
                .allMatch(l -> l.split(" \\| ")[4].startsWith("3"));
        assertThat(report.lines().filter(l -> l.startsWith("### small @ laptop")).toList())
                .as("the findings speak of the full run's configurations").isNotEmpty()
                .noneMatch(l -> l.contains("sample"));
    }
}
