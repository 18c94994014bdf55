package io.migbench.harness.tune;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a recommendation came from and how sure it is, so a tuned.yaml read months later still says so.
 *
 * @param tunedAt         when the search ended
 * @param host            host name the search ran on
 * @param scenario        scenario file (or name) that defined the platform and dataset
 * @param verdict         whether the best beat the runner-up at the search's confidence level
 * @param best            the recommended point's numbers
 * @param runnerUp        the runner-up's numbers, {@code null} when there was none
 * @param trials          trials the search ran
 * @param elapsed         how long the search took
 * @param budgetExhausted true when the budget cut the search short
 */
public record Provenance(Instant tunedAt, String host, String scenario, Verdict verdict, PointSummary best,
                         PointSummary runnerUp, int trials, Duration elapsed, boolean budgetExhausted) {

    public Provenance {
        Objects.requireNonNull(tunedAt, "tuned_at");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(elapsed, "elapsed");
        if (trials < 1) {
            throw new IllegalArgumentException("trials: must be at least 1, got " + trials);
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed_seconds: must not be negative, got " + elapsed);
        }
    }
}
