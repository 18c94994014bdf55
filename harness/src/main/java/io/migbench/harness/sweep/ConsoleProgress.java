package io.migbench.harness.sweep;

import io.migbench.engine.ProgressEvent;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.scenario.Durations;
import io.migbench.harness.scenario.EngineSettings;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Plain progress lines for a sweep: which platform, point and trial is running, the running trial's rows/s
 * every few seconds, each trial's result and the sweep's ETA. Lines, not a redrawn bar, so logs and CI keep them.
 */
public final class ConsoleProgress implements SweepListener {
    private static final long UPDATE_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private String current = "";
    private long lastUpdate;

    public ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void platformStarting(String platform, int index, int count) {
        print("platform %s (%d/%d): starting source and target", platform, index, count);
    }

    @Override
    public void datasetReady(String platform, String summary) {
        print("platform %s: %s", platform, summary);
    }

    @Override
    public void engineSkipped(String platform, String engine, String reason) {
        print("platform %s: skipping engine %s: %s", platform, engine, reason);
    }

    @Override
    public void trialStarting(PlatformDatabases databases, EngineSettings settings, int trial, boolean warmup) {
        current = String.format(Locale.ROOT, "%s · %s · %s %d", databases.profile().name(), settings.label(),
                warmup ? "warmup" : "trial", trial);
        lastUpdate = System.nanoTime();
    }

    @Override
    public void trialProgress(ProgressEvent e) {
        long now = System.nanoTime();
        if (now - lastUpdate >= UPDATE_NANOS) {
            lastUpdate = now;
            print("  %s: %s, %,d rows, %,.0f rows/s", current, e.phase().name().toLowerCase(Locale.ROOT),
                    e.rowsCopied(), e.rowsPerSecond());
        }
    }

    @Override
    public void trialFinished(TrialOutcome outcome, int done, int total, double etaSeconds) {
        TrialRecord t = outcome.trial();
        String result = t.isOk()
                ? String.format(Locale.ROOT, "%,d rows in %.1f s = %,.0f rows/s, validation %s", t.rows(), t.totalSeconds(),
                t.rowsPerSecond(), t.validationResult().code())
                : "FAILED: " + t.error();
        String count = total > 0 ? done + "/" + total : Integer.toString(done);
        print("[%s] %s: %s%s", count, current, result,
                Double.isNaN(etaSeconds) || done == total ? "" : " · sweep ETA " + Durations.format(Duration.ofSeconds(Math.round(etaSeconds))));
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
