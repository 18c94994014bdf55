package io.migbench.maven;

import io.migbench.harness.service.ReportService;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.List;

/** {@code mvn migbench:compare}: one report across run folders (e.g. from different hosts), as {@code migbench compare}. */
@Mojo(name = "compare", requiresProject = false, threadSafe = true)
public class CompareMojo extends AbstractMojo {
    /** Two or more run folders ({@code -Dmigbench.runs=a,b}). */
    @Parameter(property = "migbench.runs", required = true)
    List<File> runs;

    /** Where to write the report (default: {@code compare-<run names>} beside the first run). */
    @Parameter(property = "migbench.reportOut")
    File reportOut;

    /** Directory with report.md.mustache and its partials (default: the packaged templates). */
    @Parameter(property = "migbench.templates")
    File templates;

    @Override
    public void execute() throws MojoExecutionException {
        if (runs.size() < 2) {
            throw new MojoExecutionException("migbench compare: needs at least two run folders, got " + runs);
        }
        try {
            ReportService.Written w = ReportService.compare(runs.stream().map(File::toPath).toList(),
                    Paths.of(reportOut), Paths.of(templates));
            getLog().info("wrote " + w.report() + " and " + w.summary());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("migbench compare: " + e.getMessage(), e);
        }
    }
}
