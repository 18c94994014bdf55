package io.migbench.harness.report;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.SourceTablesFile;
import io.migbench.harness.results.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one or several run folders and writes {@code REPORT.md} and {@code charts/*.png} into an output folder.
 * Runs from different hosts become platforms side by side, because every trial row carries its host.
 */
public final class ReportGenerator {
    public static final String REPORT_FILE = "REPORT.md";

    private ReportGenerator() {}

    /**
     * @param runDirs   run folders, each with trials.csv (and tables.csv)
     * @param outDir    where REPORT.md and charts/ go
     * @param templates a directory overriding the packaged templates, or null
     * @return the written REPORT.md
     */
    public static Path generate(List<Path> runDirs, Path outDir, Path templates) throws IOException {
        TemplateRenderer renderer = TemplateRenderer.from(templates);
        List<TrialResult> all = read(runDirs);
        List<PlatformAnalysis> platforms = PlatformAnalysis.of(all);
        Map<Path, List<SourceTable>> sources = new LinkedHashMap<>();
        Map<Path, String> folderNames = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            sources.put(dir, SourceTablesFile.read(dir));
            folderNames.put(dir, relative(outDir, dir));
        }
        Map<String, Object> scope = ReportView.scope(new ReportInput(platforms, all, folderNames, sources,
                ChartRenderer.render(platforms, outDir.resolve("charts")),
                ResourceCharts.render(platforms, outDir.resolve("charts"))));
        Path report = outDir.resolve(REPORT_FILE);
        Files.writeString(report, renderer.render(scope), StandardCharsets.UTF_8);
        return report;
    }

    /** The runs' results for machines, as summary.json holds them (see {@link SummaryJson}). */
    public static RunSummary summarize(List<Path> runDirs) throws IOException {
        List<TrialResult> all = read(runDirs);
        return RunSummary.of(runDirs, all, PlatformAnalysis.of(all));
    }

    private static List<TrialResult> read(List<Path> runDirs) throws IOException {
        if (runDirs.isEmpty()) {
            throw new ConfigurationException("RUN_DIR", "no run folder given");
        }
        List<TrialResult> all = ResultsReader.read(runDirs);
        if (all.isEmpty()) {
            throw new ConfigurationException("RUN_DIR", runDirs + ": no trials recorded yet");
        }
        return all;
    }

    /** The run folder as seen from the report, so links and names do not depend on where the command ran. */
    private static String relative(Path from, Path to) {
        Path a = from.toAbsolutePath().normalize();
        Path b = to.toAbsolutePath().normalize();
        String rel = a.relativize(b).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
