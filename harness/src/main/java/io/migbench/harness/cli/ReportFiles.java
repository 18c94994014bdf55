package io.migbench.harness.cli;

import io.migbench.harness.service.ReportService;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code report} and {@code compare} share ({@code @Mixin ReportFiles files;}), and what they print. */
public final class ReportFiles {
    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory with report.md.mustache and its partials (default: the packaged report-templates).")
    Path templates;

    static void printWritten(PrintWriter out, ReportService.Written written) {
        out.println("wrote " + written.report());
        out.println("wrote " + written.summary());
    }
}
