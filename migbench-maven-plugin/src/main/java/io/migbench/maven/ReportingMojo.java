package io.migbench.maven;

import io.migbench.harness.service.ReportService;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/** The goals that render run folders ({@code report}, {@code compare}): where to and with which templates. */
abstract class ReportingMojo extends AbstractMojo {
    /** Where to write REPORT.md, charts/ and summary.json (default: the goal's own; see each goal). */
    @Parameter(property = "migbench.reportOut")
    File reportOut;

    /** Directory with report.md.mustache and its partials (default: the packaged templates). */
    @Parameter(property = "migbench.templates")
    File templates;

    /** What the goal renders, the service call of the matching command. */
    interface Rendering {
        ReportService.Written render() throws IOException;
    }

    /** Renders and logs what was written; any failure fails the goal, named after it. */
    void render(String goal, Rendering rendering) throws MojoExecutionException {
        try {
            ReportService.Written w = rendering.render();
            getLog().info("wrote " + w.report() + " and " + w.summary());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("migbench " + goal + ": " + e.getMessage(), e);
        }
    }
}
