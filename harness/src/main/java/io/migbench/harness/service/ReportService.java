package io.migbench.harness.service;

import io.migbench.harness.report.ReportGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code report} and {@code compare} as every entry point runs them: REPORT.md and charts from run folders. */
public final class ReportService {
    private ReportService() {}

    /** Writes REPORT.md for one run into {@code out} (null: the run folder) and returns its path. */
    public static Path report(Path runDir, Path out, Path templates) throws IOException {
        return ReportGenerator.generate(List.of(runDir), out == null ? runDir : out, templates);
    }

    /** Writes one REPORT.md across runs into {@code out} (null: {@code compare-<a>-vs-<b>} beside the first run). */
    public static Path compare(List<Path> runDirs, Path out, Path templates) throws IOException {
        return ReportGenerator.generate(runDirs, out == null ? defaultCompareDir(runDirs) : out, templates);
    }

    static Path defaultCompareDir(List<Path> runDirs) {
        Path first = runDirs.get(0).toAbsolutePath().normalize();
        String name = runDirs.stream().map(d -> d.toAbsolutePath().normalize().getFileName().toString())
                .collect(Collectors.joining("-vs-"));
        Path parent = first.getParent() == null ? first : first.getParent();
        return parent.resolve("compare-" + name);
    }
}
