package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.results.TrialFixtures;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden wording of the key finding: a winner only when its interval clears the others', else the tied set. */
class FindingsWordingTest {

    @Test
    void overlappingIntervalsNameTheTiedSetAndTheFastestMedian() {
        // 1, 2 and 4 tasks overlap (their min–max ranges share 100–104); 8 tasks is clearly slower
        List<TrialResult> trials = trials("durable", Map.of(
                1, new double[] {100, 103, 106},
                2, new double[] {101, 104, 107},
                4, new double[] {98, 102, 105},
                8, new double[] {50, 51, 52}));

        assertThat(Findings.keyFinding(PlatformAnalysis.of(trials))).isEqualTo(
                "On small @ laptop (native, 8 cores), 1, 2 and 4 tasks are not distinguishable (overlapping intervals, "
                        + "min–max ranges covering the median with only 75% confidence at these trial counts); "
                        + "fastest median: 2 tasks (104 rows/s); the slowest, 8 tasks, ran 2.04× slower "
                        + "(interval 1.94–2.14×).");
    }

    @Test
    void separatedIntervalsNameOneWinnerAndTheSlowdownWithItsInterval() {
        List<TrialResult> trials = trials("durable", Map.of(
                1, new double[] {40, 41, 42},
                2, new double[] {70, 71, 72},
                4, new double[] {100, 101, 102}));

        assertThat(Findings.keyFinding(PlatformAnalysis.of(trials))).isEqualTo(
                "On small @ laptop (native, 8 cores), 4 tasks ran fastest (median 101 rows/s; its interval clears "
                        + "every other task count's) and 1 task ran 2.46× slower (interval 2.38–2.55×).");
    }

    @Test
    void aNonDurablePlatformIsNamedAsSuchAndWarnedAbout() {
        List<PlatformAnalysis> platforms = PlatformAnalysis.of(trials("non-durable(fsync=off)", Map.of(
                1, new double[] {40, 41, 42}, 2, new double[] {70, 71, 72})));

        assertThat(Findings.keyFinding(platforms))
                .startsWith("On small @ laptop (native, 8 cores) (**non-durable(fsync=off)**), 2 tasks ran fastest");
        assertThat(Findings.durabilityWarnings(platforms)).singleElement().asString()
                .contains("Non-durable: small @ laptop (native, 8 cores) non-durable(fsync=off)")
                .contains("upper bound");
    }

    /** Three measured 10-second trials per task count, with the given rows/s. */
    private static List<TrialResult> trials(String durability, Map<Integer, double[]> rowsPerSecond) {
        List<TrialResult> out = new ArrayList<>();
        rowsPerSecond.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (int i = 0; i < e.getValue().length; i++) {
                TrialRecord t = TrialFixtures.trial().settingsLabel("migbench t" + e.getKey()).tasks(e.getKey())
                        .trial(i + 1).position(i + 1, 1).durability(durability)
                        .rows((long) (e.getValue()[i] * 10)).phases(0.0, 10.0, 0.0, 0.0, 10.0).build();
                out.add(new TrialResult(t, List.of(), Path.of("run-1")));
            }
        });
        return out;
    }
}
