package io.migbench.harness.cli;

import io.migbench.harness.service.ReportService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migbench report results/<run-id>}: REPORT.md and charts for one run, written into the run folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write REPORT.md and charts/*.png for one run folder, from its trials.csv and tables.csv.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run folder, e.g. results/<run-id>.")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: RUN_DIR).")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory with report.md.mustache and its partials (default: the packaged report-templates).")
    Path templates;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws Exception {
        Path report = ReportService.report(runDir, out, templates);
        spec.commandLine().getOut().println("wrote " + report);
        return 0;
    }
}
