package io.migbench.maven;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.scenario.ScenarioOverrides;
import io.migbench.harness.service.RunSpec;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * The parameters of the goals that measure into a run folder ({@code sweep}, {@code tune}), the same as the CLI's
 * {@code RunOptions}: each settable as {@code -Dmigbench.<name>} or in the pom's {@code <configuration>}.
 */
abstract class MeasuringMojo extends AbstractMojo {
    /** Scenario file, e.g. {@code src/migbench/quick.yaml} (relative to the project). */
    @Parameter(property = "migbench.scenario", required = true)
    File scenario;

    /** Folder that receives the run folder. */
    @Parameter(property = "migbench.out", defaultValue = "${project.build.directory}/migbench")
    File outputDirectory;

    /** Name of the run folder (default: {@code <scenario>-<UTC timestamp>}; tune adds {@code -tune}). */
    @Parameter(property = "migbench.runId")
    String runId;

    /** Only these platform profiles of the scenario (default: all). */
    @Parameter(property = "migbench.platforms")
    List<String> platforms;

    /** Measured trials per point instead of the scenario's. */
    @Parameter(property = "migbench.trials")
    Integer trials;

    /** Warmup trials per point instead of the scenario's. */
    @Parameter(property = "migbench.warmup")
    Integer warmup;

    /** Task counts instead of the matrix's (tune: its coarse pass). */
    @Parameter(property = "migbench.tasks")
    List<Integer> tasks;

    RunSpec runSpec() {
        return new RunSpec(scenario.toPath(), outputDirectory.toPath(), runId,
                platforms == null ? Set.of() : Set.copyOf(platforms),
                // Maven injects an empty list for a list parameter nobody set
                new ScenarioOverrides(trials, warmup, tasks == null || tasks.isEmpty() ? null : tasks));
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try (PrintWriter out = LogWriter.info(getLog())) {
            run(out);
        } catch (ConfigurationException e) {
            throw new MojoFailureException("migbench: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("migbench: " + e.getMessage(), e);
        }
    }

    abstract void run(PrintWriter out) throws IOException, MojoFailureException;
}
