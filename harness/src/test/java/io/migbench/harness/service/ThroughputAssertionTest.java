package io.migbench.harness.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.report.ReportFixture;
import io.migbench.harness.service.ThroughputAssertion.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate over the fixed run of src/test/resources/report-fixture/run-a, whose best configuration on platform
 * small (host laptop) is migbench tasks=8: median 121,951 rows/s, interval 120,482–123,457 (3 trials, 75%).
 */
class ThroughputAssertionTest {
    @TempDir
    Path work;

    @Test
    void aMinimumBelowTheMedianHoldsAndSaysWhatItWasDecidedOn() throws Exception {
        List<Outcome> outcomes = ThroughputAssertion.check(run(), List.of(new ThroughputAssertion("small", 100_000)));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.holds()).isTrue();
            assertThat(o.message()).isEqualTo("platform small on laptop: median 121,951 rows/s of the best "
                    + "configuration (migbench tasks=8, n=3, interval of the median 120,482–123,457, 75% confidence); "
                    + "at least 100,000 rows/s required");
        });
    }

    @Test
    void aMinimumAboveTheWholeIntervalFailsNamingPlatformFiguresAndInterval() throws Exception {
        Outcome o = ThroughputAssertion.check(run(), List.of(new ThroughputAssertion("small", 130_000))).get(0);

        assertThat(o.holds()).isFalse();
        assertThat(o.message()).isEqualTo("platform small on laptop: median 121,951 rows/s of the best configuration "
                + "(migbench tasks=8, n=3, interval of the median 120,482–123,457, 75% confidence) is below the "
                + "required minimum of 130,000 rows/s; the whole interval is below it");
    }

    @Test
    void aMinimumInsideTheIntervalFailsOnTheMedianButSaysMoreTrialsCouldTell() throws Exception {
        Outcome o = ThroughputAssertion.check(run(), List.of(new ThroughputAssertion("small", 123_000))).get(0);

        assertThat(o.holds()).as("the median decides").isFalse();
        assertThat(o.message()).endsWith("the minimum lies inside the interval, so more trials could tell");
    }

    @Test
    void aPlatformThatDidNotRunFailsNamingThePlatformsThatDid() throws Exception {
        Outcome o = ThroughputAssertion.check(run(), List.of(new ThroughputAssertion("large", 1))).get(0);

        assertThat(o.holds()).isFalse();
        assertThat(o.message()).isEqualTo("platform large: no trials in this run (platforms measured: [small])");
    }

    private Path run() throws IOException {
        return ReportFixture.copy(work, "run-a");
    }
}
