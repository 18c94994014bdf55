package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TrialFixtures;
import io.migbench.harness.results.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-engine comparison of a platform speaks of its primary source, not of a compare_with source. */
class PlatformEnginesTest {

    @Test
    void aFasterCompareWithSourceDoesNotBecomeAnEnginesBest() {
        List<TrialResult> trials = new ArrayList<>();
        for (int trial = 1; trial <= 3; trial++) {
            // the main source (the baseline's) at 100 rows/s; the compare_with source at 500 rows/s
            trials.add(trial("postgresql", "migbench t4", true, trial, 1_000));
            trials.add(trial("sqlserver", "migbench t4", false, trial, 5_000));
        }

        PlatformAnalysis platform = PlatformAnalysis.of(trials).get(0);

        assertThat(platform.primarySource()).isEqualTo("postgresql");
        assertThat(platform.bestPerEngine().get(EngineKind.MIGBENCH).key().sourceEngine()).isEqualTo("postgresql");
        assertThat(platform.bestPerEngine().get(EngineKind.MIGBENCH).median()).isEqualTo(100.0);
    }

    private static TrialResult trial(String source, String label, boolean baseline, int trial, long rows) {
        return new TrialResult(TrialFixtures.trial().sourceEngine(source).settingsLabel(label).baseline(baseline)
                .tasks(4).trial(trial).position(trial, source.equals("postgresql") ? 1 : 2).rows(rows)
                .phases(0.0, 10.0, 0.0, 0.0, 10.0).build(), List.of(), Path.of("run-1"));
    }
}
