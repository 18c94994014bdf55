package io.migbench.maven;

import io.migbench.harness.service.TuneOutcome;
import io.migbench.harness.service.TuneService;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code mvn migbench:tune}: what {@code migbench tune} does; the build fails when a platform got no recommendation. */
@Mojo(name = "tune", requiresProject = false, threadSafe = false)
public class TuneMojo extends MeasuringMojo {
    /** Wall-clock budget for all platforms, e.g. {@code 20m} (default: the scenario's tune.budget, else 20m). */
    @Parameter(property = "migbench.budget")
    String budget;

    /** Where to write the recommended settings (default: {@code <run folder>/tuned.yaml}). */
    @Parameter(property = "migbench.settingsOut")
    File settingsOut;

    @Override
    void run(PrintWriter out) throws IOException, MojoFailureException {
        TuneOutcome outcome = TuneService.tune(runSpec(), budget, Paths.of(settingsOut), out);
        if (!outcome.complete()) {
            throw new MojoFailureException("migbench tune: " + (outcome.platforms() - outcome.recommendedPlatforms()) + " of "
                    + outcome.platforms() + " platform(s) got no recommendation (see " + outcome.runDir().resolve("trials.csv") + ")");
        }
    }
}
