package io.migbench.maven;

import io.migbench.harness.service.ReportService;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * {@code mvn migbench:compare}: one report across run folders (e.g. from different hosts), as {@code migbench
 * compare} (into {@code compare-<run names>} beside the first run unless {@code reportOut} says otherwise).
 */
@Mojo(name = "compare", requiresProject = false, threadSafe = true)
public class CompareMojo extends ReportingMojo {
    /** Two or more run folders ({@code -Dmigbench.runs=a,b}). */
    @Parameter(property = "migbench.runs", required = true)
    List<File> runs;

    @Override
    public void execute() throws MojoExecutionException {
        if (runs.size() < 2) {
            throw new MojoExecutionException("migbench compare: needs at least two run folders, got " + runs);
        }
        render("compare", () -> ReportService.compare(runs.stream().map(File::toPath).toList(), Paths.of(reportOut),
                Paths.of(templates)));
    }
}
