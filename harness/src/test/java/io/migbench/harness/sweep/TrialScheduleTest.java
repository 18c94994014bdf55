package io.migbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.TrialOrder;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrialScheduleTest {
    private static final List<EngineSettings> POINTS = IntStream.of(1, 2, 4, 8, 16)
            .mapToObj(t -> EngineSettings.defaults(EngineKind.MIGBENCH, t)).toList();

    @Test
    void interleavedRunsEveryPointOnceEachRoundAfterAllWarmups() {
        List<TrialSchedule.Entry<EngineSettings>> s = TrialSchedule.of(POINTS, 1, 3, new TrialOrder(TrialOrder.Mode.INTERLEAVED, 42));

        assertThat(s).hasSize(5 + 15);
        assertThat(s.subList(0, 5)).as("warmups first, in matrix order")
                .allMatch(e -> e.slot().warmup() && e.slot().round() == null)
                .extracting(TrialSchedule.Entry::point).containsExactlyElementsOf(POINTS);
        for (int round = 1; round <= 3; round++) {
            List<TrialSchedule.Entry<EngineSettings>> r = s.subList(5 * round, 5 * round + 5);
            int expectedRound = round;
            assertThat(r).as("round %d", round).allMatch(e -> e.slot().round() == expectedRound && !e.slot().warmup()
                    && e.slot().trial() == 1 + expectedRound);
            assertThat(r).extracting(TrialSchedule.Entry::point).containsExactlyInAnyOrderElementsOf(POINTS);
            assertThat(r).extracting(e -> e.slot().order()).containsExactly(1, 2, 3, 4, 5);
        }
        List<List<EngineSettings>> rounds = IntStream.rangeClosed(1, 3).mapToObj(i -> s.subList(5 * i, 5 * i + 5)
                .stream().map(TrialSchedule.Entry::point).toList()).toList();
        assertThat(rounds).as("rounds are shuffled, not all in matrix order").anyMatch(r -> !r.equals(POINTS));
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        TrialOrder seed42 = new TrialOrder(TrialOrder.Mode.INTERLEAVED, 42);

        assertThat(TrialSchedule.of(POINTS, 0, 4, seed42)).isEqualTo(TrialSchedule.of(POINTS, 0, 4, seed42));
        assertThat(TrialSchedule.of(POINTS, 0, 4, new TrialOrder(TrialOrder.Mode.INTERLEAVED, 43)))
                .isNotEqualTo(TrialSchedule.of(POINTS, 0, 4, seed42));
    }

    @Test
    void blockedRunsEachPointsTrialsBackToBack() {
        List<TrialSchedule.Entry<EngineSettings>> s = TrialSchedule.of(POINTS.subList(0, 2), 1, 2, TrialOrder.DEFAULT.withMode(TrialOrder.Mode.BLOCKED));

        assertThat(s).extracting(e -> e.point().tasks() + ":" + e.slot().trial() + ":" + e.slot().round())
                .containsExactly("1:1:null", "2:1:null", "1:2:1", "1:3:2", "2:2:1", "2:3:2");
    }
}
