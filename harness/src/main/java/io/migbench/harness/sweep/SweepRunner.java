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
 * (reset target, migrate, verify, record).
 * Every trial is written to the CSVs as soon as it ends; a failed trial is recorded with its reason, a database
 * that died is restarted, and the sweep goes on.
 */
public final class SweepRunner {
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
        SideBackends backends = SideBackends.of(scenario.backend());
        TrialClock clock = new TrialClock(plan.totalTrials());
        int failed = 0;
        try (RunFolder run = RunFolder.create(runDir, scenario)) {
            int index = 0;
            for (PlatformProfile profile : plan.platforms()) {
                listener.platformStarting(profile.name(), ++index, plan.platforms().size());
                try (PlatformSession session = PlatformSession.open(scenario, profile, backends, run, listener)) {
                    List<EngineSettings> available = new ArrayList<>();
                    for (EngineSettings point : plan.pointsFor(profile)) {
                        Optional<String> unavailable = session.unavailableReason(point);
                        if (unavailable.isPresent()) {
                            listener.engineSkipped(profile.name(), point.label(), unavailable.get());
                            clock.skip(plan.trialsPerPoint());
                        } else {
                            available.add(point);
                        }
                    }
                    for (TrialSchedule.Entry next : TrialSchedule.of(available, scenario.warmupTrials(),
                            scenario.trials(), scenario.trialOrder())) {
                        TrialOutcome outcome = session.measure(next.point(), next.slot());
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
