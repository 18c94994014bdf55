package io.migbench.maven;

import io.migbench.harness.service.ReportService;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/** {@code mvn migbench:report}: REPORT.md and charts for one run folder, as {@code migbench report} writes them. */
@Mojo(name = "report", requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractMojo {
    /** Run folder, e.g. {@code target/migbench/quick-20260101-120000}. */
    @Parameter(property = "migbench.run", required = true)
    File run;

    /** Where to write the report (default: the run folder). */
    @Parameter(property = "migbench.reportOut")
    File reportOut;

    /** Directory with report.md.mustache and its partials (default: the packaged templates). */
    @Parameter(property = "migbench.templates")
    File templates;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            ReportService.Written w = ReportService.report(run.toPath(), Paths.of(reportOut), Paths.of(templates));
            getLog().info("wrote " + w.report() + " and " + w.summary());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("migbench report: " + e.getMessage(), e);
        }
    }
}
