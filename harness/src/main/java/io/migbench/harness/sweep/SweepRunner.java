package io.migbench.harness.sweep;

import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a sweep: for each platform profile, start source and target with the profile's limits, load the dataset
 * once, then run every matrix point's warmups and the measured trials in the scenario's {@link TrialSchedule} order
 * (reset target, migrate, verify, record). With {@code source.compare_with} the platform also gets the comparison
 * source (its own servers, the same dataset), and its migbench points join the same schedule, so both sources'
 * trials interleave. Every trial is written to the CSVs as soon as it ends; a failed trial is recorded with its
 * reason, a database that died is restarted, and the sweep goes on.
 */
public final class SweepRunner {
    /** One point to measure: which session's databases, with which engine settings. */
    private record SessionPoint(PlatformSession session, EngineSettings point) {}

    private final SweepPlan plan;
    private final Path runDir;
    private final SweepListener listener;

    public SweepRunner(SweepPlan plan, Path runDir, SweepListener listener) {
        this.plan = plan;
        this.runDir = runDir;
        this.listener = listener;
    }

    /** Runs every trial and returns how many ran and failed. */
    public SweepSummary run() throws IOException {
        Scenario scenario = plan.scenario();
        Optional<Scenario> compare = scenario.compareScenario();
        SideBackends backends = SideBackends.of(scenario.backend());
        TrialClock clock = new TrialClock(plan.totalTrials());
        int failed = 0;
        try (RunFolder run = RunFolder.create(runDir, scenario)) {
            int index = 0;
            for (PlatformProfile profile : plan.platforms()) {
                listener.platformStarting(profile.name(), ++index, plan.platforms().size());
                try (PlatformSession session = PlatformSession.open(scenario, profile, backends, run, listener);
                     PlatformSession other = compare.isEmpty() ? null : PlatformSession.open(compare.get(), profile,
                             SideBackends.of(compare.get().backend()), run, listener)) {
                    List<SessionPoint> available = new ArrayList<>();
                    for (EngineSettings point : plan.pointsFor(profile)) {
                        Optional<String> unavailable = session.unavailableReason(point);
                        if (unavailable.isPresent()) {
                            listener.engineSkipped(profile.name(), point.label(), unavailable.get());
                            clock.skip(plan.trialsPerPoint());
                        } else {
                            available.add(new SessionPoint(session, point));
                        }
                    }
                    if (other != null) {
                        plan.comparePoints(profile).forEach(p -> available.add(new SessionPoint(other, p)));
                    }
                    for (TrialSchedule.Entry<SessionPoint> next : TrialSchedule.of(available, scenario.warmupTrials(),
                            scenario.trials(), scenario.trialOrder())) {
                        TrialOutcome outcome = next.point().session().measure(next.point().point(), next.slot());
                        failed += outcome.trial().isOk() ? 0 : 1;
                        clock.trialDone();
                        listener.trialFinished(outcome, clock.done(), clock.total(), clock.etaSeconds());
                    }
                }
            }
        }
        return new SweepSummary(runDir, clock.done(), failed);
    }
}
