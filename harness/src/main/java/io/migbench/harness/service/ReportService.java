package io.migbench.harness.service;

import io.migbench.harness.report.ReportGenerator;
import io.migbench.harness.report.RunSummary;
import io.migbench.harness.report.SummaryJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code report} and {@code compare} as every entry point runs them: REPORT.md, charts and summary.json from run
 * folders; and summary.json alone, which every sweep and tune run folder gets whether or not it renders a report.
 */
public final class ReportService {
    private ReportService() {}

    /** What a report wrote: REPORT.md and summary.json, side by side. */
    public record Written(Path report, Path summary) {}

    /** Writes REPORT.md and summary.json for one run into {@code out} (null: the run folder). */
    public static Written report(Path runDir, Path out, Path templates) throws IOException {
        return write(List.of(runDir), out == null ? runDir : out, templates);
    }

    /** Writes one REPORT.md and summary.json across runs into {@code out} (null: {@code compare-<a>-vs-<b>} beside the first run). */
    public static Written compare(List<Path> runDirs, Path out, Path templates) throws IOException {
        return write(runDirs, out == null ? defaultCompareDir(runDirs) : out, templates);
    }

    /** The run's summary.json text, computed from its CSVs (nothing is written). */
    public static String summaryJson(Path runDir) throws IOException {
        return SummaryJson.toJson(summary(runDir));
    }

    public static RunSummary summary(Path runDir) throws IOException {
        return ReportGenerator.summarize(List.of(runDir));
    }

    /** Writes the run folder's summary.json and returns the summary. */
    static RunSummary writeSummary(Path runDir) throws IOException {
        RunSummary summary = summary(runDir);
        SummaryJson.write(summary, runDir);
        return summary;
    }

    private static Written write(List<Path> runDirs, Path out, Path templates) throws IOException {
        Path report = ReportGenerator.generate(runDirs, out, templates);
        return new Written(report, SummaryJson.write(ReportGenerator.summarize(runDirs), out));
    }

    static Path defaultCompareDir(List<Path> runDirs) {
        Path first = runDirs.get(0).toAbsolutePath().normalize();
        String name = runDirs.stream().map(d -> d.toAbsolutePath().normalize().getFileName().toString())
                .collect(Collectors.joining("-vs-"));
        Path parent = first.getParent() == null ? first : first.getParent();
        return parent.resolve("compare-" + name);
    }
}
