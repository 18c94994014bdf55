package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.service.ReportService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migbench compare results/<a> results/<b> …}: one report across runs. Each trial row carries its host,
 * so runs from different machines appear as platforms side by side.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Write one REPORT.md with charts (and summary.json) comparing several run folders (e.g. from different hosts).")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Run folders to compare.")
    List<Path> runDirs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report (default: results/compare-<run names> beside the first run).")
    Path out;

    @Mixin
    ReportFiles files;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws Exception {
        ReportFiles.printWritten(spec.commandLine().getOut(), ReportService.compare(runDirs, out, files.templates));
        return ExitCodes.OK;
    }
}
