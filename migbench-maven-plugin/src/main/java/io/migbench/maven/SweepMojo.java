package io.migbench.maven;

import io.migbench.harness.service.SweepOutcome;
import io.migbench.harness.service.SweepService;
import io.migbench.harness.service.ThroughputAssertion;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code mvn migbench:sweep}: what {@code migbench sweep} does. The build fails when a trial failed (validation or
 * error), and when an {@code <assertion>} does not hold.
 */
@Mojo(name = "sweep", requiresProject = false, threadSafe = false)
public class SweepMojo extends MeasuringMojo {
    /** Settings file written by tune: measure each platform's recommendation beside the baseline. */
    @Parameter(property = "migbench.settings")
    File settings;

    /** Render REPORT.md and the charts after the trials. */
    @Parameter(property = "migbench.report", defaultValue = "true")
    boolean report;

    /** Validate and print the plan, enforceable limits, missing tools and an ETA; start nothing. */
    @Parameter(property = "migbench.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Throughput gates: {@code <assertion><platform>p</platform><minRowsPerSecond>n</minRowsPerSecond></assertion>}. */
    @Parameter
    List<Assertion> assertions = List.of();

    @Override
    void run(PrintWriter out) throws IOException, MojoFailureException {
        List<ThroughputAssertion> gates = assertions.stream().map(Assertion::toThroughputAssertion).toList();
        if (dryRun) {
            SweepService.dryRun(runSpec(), Paths.of(settings), out);
            return;
        }
        SweepOutcome outcome = SweepService.sweep(runSpec(), Paths.of(settings), report, out);
        if (outcome.anyFailed()) {
            throw new MojoFailureException("migbench sweep: " + outcome.failedTrials() + " of " + outcome.trials()
                    + " trials failed (see the error and validation_result columns of " + outcome.runDir().resolve("trials.csv") + ")");
        }
        List<ThroughputAssertion.Outcome> checked = ThroughputAssertion.check(outcome.runDir(), gates);
        List<String> violations = checked.stream().filter(o -> !o.holds()).map(ThroughputAssertion.Outcome::message).toList();
        if (!violations.isEmpty()) {
            throw new MojoFailureException("migbench sweep: assertion failed: " + String.join("; ", violations));
        }
        checked.forEach(o -> getLog().info("assertion holds: " + o.message()));
    }
}
