package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.config.YamlEnum;
import io.migbench.harness.service.ReportService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migbench report results/<run-id>}: REPORT.md, charts and summary.json for one run, written into the run
 * folder; {@code --format json} prints summary.json instead.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write REPORT.md, charts/*.png and summary.json for one run folder, from its trials.csv and "
                + "tables.csv; or, with --format json, print summary.json.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run folder, e.g. results/<run-id>.")
    Path runDir;

    @Option(names = "--format", paramLabel = "markdown|json", defaultValue = "markdown",
            description = "markdown (default): write REPORT.md, charts/ and summary.json; json: print summary.json "
                    + "(docs/summary-json.md) to standard output and write nothing.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: RUN_DIR).")
    Path out;

    @Mixin
    ReportFiles files;

    @Mixin
    DebugOption debug;

    enum Format implements YamlEnum {
        MARKDOWN("markdown"), JSON("json");

        private final String name;

        Format(String name) {
            this.name = name;
        }

        @Override
        public String yamlName() {
            return name;
        }
    }

    @Override
    public Integer call() throws Exception {
        Format chosen = YamlEnum.parse(Format.class, format).orElseThrow(() -> new ConfigurationException("--format",
                "--format: expected one of " + YamlEnum.names(Format.class) + ", got \"" + format + "\""));
        if (chosen == Format.JSON) {
            if (out != null || files.templates != null) {
                String flag = out != null ? "--out" : "--templates";
                throw new ConfigurationException(flag, flag + ": only with --format markdown; --format json prints "
                        + "summary.json to standard output and writes nothing");
            }
            spec.commandLine().getOut().print(ReportService.summaryJson(runDir));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        ReportFiles.printWritten(spec.commandLine().getOut(), ReportService.report(runDir, out, files.templates));
        return ExitCodes.OK;
    }
}
