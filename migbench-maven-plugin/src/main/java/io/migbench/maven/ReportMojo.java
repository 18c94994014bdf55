package io.migbench.maven;

import io.migbench.harness.service.ReportService;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * {@code mvn migbench:report}: REPORT.md, charts and summary.json for one run folder, as {@code migbench report}
 * writes them (into the run folder unless {@code reportOut} says otherwise).
 */
@Mojo(name = "report", requiresProject = false, threadSafe = true)
public class ReportMojo extends ReportingMojo {
    /** Run folder, e.g. {@code target/migbench/quick-20260101-120000}. */
    @Parameter(property = "migbench.run", required = true)
    File run;

    @Override
    public void execute() throws MojoExecutionException {
        render("report", () -> ReportService.report(run.toPath(), Paths.of(reportOut), Paths.of(templates)));
    }
}
