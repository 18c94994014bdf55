package io.migbench.harness.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migbench.harness.stats.Summary;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TunerTest {

    private final FakeClock clock = new FakeClock();

    private TuningOptions.Builder options() {
        return TuningOptions.builder().maxTasks(64).trialsPerPoint(3).budget(Duration.ofHours(10)).clock(clock);
    }

    private SyntheticPlatform platform(ToDoubleFunction<TuningPoint> curve, double noise, long seed) {
        return new SyntheticPlatform(curve, noise, seed, clock, Duration.ofSeconds(30));
    }

    /** WSL2-like: best at 8 tasks (204K rows/s), 64 tasks 3× slower; partitions = 2 × tasks helps a little. */
    private static ToDoubleFunction<TuningPoint> wsl2Like() {
        ToDoubleFunction<TuningPoint> tasks = SyntheticPlatform.unimodal(204_000, 8, 64, 3.0);
        return p -> tasks.applyAsDouble(p) * (p.partitions() != null && p.partitions() == 2 * p.tasks() ? 1.04 : 1.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void findsEightTasksOnWsl2LikePlatformOrSaysTheNeighbourIsNotDistinguishable(long seed) {
        SyntheticPlatform wsl2 = platform(wsl2Like(), 0.02, seed);

        TuningResult result = new Tuner(options().maxTasks(128).build()).tune(wsl2);

        MeasuredPoint best = result.best().orElseThrow();
        MeasuredPoint eight = result.curve().stream().filter(m -> m.point().equals(TuningPoint.ofTasks(8)))
                .findFirst().orElseThrow();
        if (best.point().tasks() != 8) {
            assertThat(best.point().tasks()).as("a best other than 8 must be a neighbour: " + result.recommendation())
                    .isBetween(6, 12);
            assertThat(overlap(best.throughput().get(), eight.throughput().get()))
                    .as("a best other than 8 must overlap 8's interval: " + result.recommendation()).isTrue();
        }
        assertThat(result.budgetExhausted()).as("10 h budget").isFalse();
        assertThat(result.curve()).as("climbing stopped once 32 and 64 were clearly below")
                .noneMatch(m -> m.point().tasks() == 128);
        MeasuredPoint thirtyTwo = result.curve().stream().filter(m -> m.point().tasks() == 32).findFirst().orElseThrow();
        assertThat(thirtyTwo.isClearlyBelow(best)).as("32 tasks (1.6× slower) is clearly below the best").isTrue();
        assertThat(result.curve()).extracting(MeasuredPoint::phase).as("all three phases ran")
                .contains(TuningPhase.COARSE, TuningPhase.REFINE, TuningPhase.PARTITIONS);
        assertThat(result.recommendation()).contains("Recommended " + best.point().label());
        if (result.verdict() == Verdict.NOT_DISTINGUISHABLE) {
            assertThat(result.tied()).as("not distinguishable means another candidate's interval overlaps the best's")
                    .hasSizeGreaterThan(1);
            assertThat(result.recommendation()).contains("Not distinguishable");
        }
    }

    @Test
    void refinementLandsNearFortyEightWhenThePeakIsBetweenPowersOfTwo() {
        SyntheticPlatform arm = platform(SyntheticPlatform.unimodal(531_000, 48, 32, 1.18), 0.02, 7);

        TuningResult result = new Tuner(options().maxTasks(128).build()).tune(arm);

        MeasuredPoint bestCoarse = result.curve().stream().filter(m -> m.phase() == TuningPhase.COARSE)
                .max(TuningResult.RANKING.reversed()).orElseThrow();
        assertThat(bestCoarse.point().tasks()).as("coarse pass brackets the peak").isIn(32, 64);
        assertThat(result.best().orElseThrow().point().tasks()).as(result.recommendation()).isBetween(40, 56);
        assertThat(result.curve()).as("refinement tried 48 itself")
                .anyMatch(m -> m.phase() == TuningPhase.REFINE && m.point().tasks() == 48);
    }

    @Test
    void flatCurveIsReportedAsNotDistinguishable() {
        SyntheticPlatform flat = platform(p -> 100_000, 0.03, 11);

        TuningResult result = new Tuner(options().build()).tune(flat);

        assertThat(result.verdict()).as(result.recommendation()).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
        assertThat(overlap(result.best().get().throughput().get(), result.runnerUp().get().throughput().get())).isTrue();
        assertThat(result.recommendation()).contains("Not distinguishable").contains("overlapping 95% intervals");
        assertThat(result.curve()).as("refinement stops after one round on a plateau")
                .filteredOn(m -> m.phase() == TuningPhase.REFINE).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void distinctPeakIsReportedAsDistinguishable() {
        // 8 tasks twice as fast as anything else, noise 0.5 %: no interval can overlap
        SyntheticPlatform spiky = platform(p -> p.tasks() == 8 && p.isTasksOnly() ? 200_000 : 100_000, 0.005, 3);

        TuningResult result = new Tuner(options().build()).tune(spiky);

        assertThat(result.best().get().point()).isEqualTo(TuningPoint.ofTasks(8));
        assertThat(result.verdict()).as(result.recommendation()).isEqualTo(Verdict.DISTINGUISHABLE);
        assertThat(result.runnerUp().get().throughput().get().ciHigh())
                .isLessThan(result.best().get().throughput().get().ciLow());
        assertThat(result.recommendation()).contains("beats the runner-up");
    }

    @Test
    void spentBudgetStopsTheSearchAndReportsThePartialCurve() {
        SyntheticPlatform slow = platform(wsl2Like(), 0.02, 5); // 30 s per trial
        Duration budget = Duration.ofMinutes(5);

        TuningResult result = new Tuner(options().budget(budget).build()).tune(slow);

        assertThat(result.budgetExhausted()).isTrue();
        assertThat(result.trialsRun()).as("5 min of 30 s trials").isEqualTo(10).isEqualTo(slow.calls.size());
        assertThat(result.elapsed()).as("never past the budget").isLessThanOrEqualTo(budget);
        assertThat(result.curve()).extracting(m -> m.point().tasks()).as("partial coarse pass")
                .containsExactly(1, 2, 4, 8);
        assertThat(result.curve().get(3).outcome()).as("8 tasks got one trial of three")
                .isEqualTo(PointOutcome.CUT_BY_BUDGET);
        assertThat(result.curve().get(3).measuredTrials()).isEqualTo(1);
        assertThat(result.best().get().point().tasks()).as("a point measured to the end ranks above a cut one")
                .isEqualTo(4);
        assertThat(result.recommendation()).contains("budget ran out");
    }

    @Test
    void failingPointIsRecordedAndNeverRecommended() {
        ToDoubleFunction<TuningPoint> peakAt16 = SyntheticPlatform.unimodal(300_000, 16, 64, 3.0);
        TrialProbe probe = (point, trial) -> {
            clock.advance(Duration.ofSeconds(30));
            if (point.tasks() == 16) {
                throw new IllegalStateException("target out of memory at 16 tasks");
            }
            return peakAt16.applyAsDouble(point);
        };

        TuningResult result = new Tuner(options().build()).tune(probe);

        assertThat(result.failedPoints()).extracting(MeasuredPoint::point).containsExactly(TuningPoint.ofTasks(16));
        MeasuredPoint failed = result.failedPoints().get(0);
        assertThat(failed.trialsRun()).as("no more trials after a failure").isEqualTo(1);
        assertThat(failed.failures().get(0).error()).contains("IllegalStateException").contains("out of memory");
        assertThat(failed.throughput()).isEmpty();
        assertThat(result.best().get().point().tasks()).as("16 would be fastest but failed").isNotEqualTo(16);
        assertThat(result.runnerUp().get().point().tasks()).isNotEqualTo(16);
        assertThat(failed.describe()).contains("failed at trial 1");
    }

    @Test
    void invalidThroughputFromTheProbeCountsAsAFailedTrial() {
        TrialProbe probe = (point, trial) -> point.tasks() == 2 ? Double.NaN : 1000.0 * point.tasks();

        TuningResult result = new Tuner(options().maxTasks(4).build()).tune(probe);

        assertThat(result.failedPoints()).extracting(m -> m.failures().get(0).error())
                .singleElement().asString().contains("invalid throughput");
    }

    @Test
    void spendsFarFewerTrialsThanAFullSweep() {
        SyntheticPlatform wsl2 = platform(wsl2Like(), 0.02, 9);
        TuningOptions opts = options().build();

        TuningResult result = new Tuner(opts).tune(wsl2);

        // the sweep the tuner replaces: every task count 1..64, each with the default and 3 partition factors,
        // 3 trials each
        int fullSweep = 64 * (1 + opts.partitionFactors().size()) * 3;
        int everyTaskCountOnly = 64 * 3;
        assertThat(result.trialsRun()).as("trials spent: " + result.recommendation())
                .isEqualTo(wsl2.calls.size())
                .isLessThan(everyTaskCountOnly / 3)
                .isLessThan(fullSweep / 10);
    }

    @Test
    void pointClearlyBelowTheBestIsAbandonedEarly() {
        // one task is best; two tasks half as fast with 0.5 % noise: two trials already prove it
        SyntheticPlatform falling = platform(p -> 100_000.0 / p.tasks(), 0.005, 13);

        TuningResult result = new Tuner(options().maxTasks(8).trialsPerPoint(5).build()).tune(falling);

        MeasuredPoint two = result.curve().stream().filter(m -> m.point().equals(TuningPoint.ofTasks(2)))
                .findFirst().orElseThrow();
        assertThat(two.outcome()).isEqualTo(PointOutcome.ABANDONED);
        assertThat(two.trialsRun()).as("stopped at 2 of 5 trials").isEqualTo(2).isEqualTo((int) falling.trialsAt(two.point()));
        assertThat(result.best().get().point().tasks()).isEqualTo(1);
        assertThat(result.curve()).as("two consecutive powers clearly below: 8 never tried")
                .noneMatch(m -> m.point().tasks() == 8);
    }

    @Test
    void warmupTrialsRunFirstAndDoNotCount() {
        TrialProbe probe = (point, trial) -> {
            clock.advance(Duration.ofSeconds(10));
            return trial == 1 ? 1e12 : 1000.0 + trial; // a warmup outlier that would dominate any statistic
        };

        TuningResult result = new Tuner(options().maxTasks(2).warmupTrials(1).partitionFactors(List.of())
                .build()).tune(probe);

        assertThat(result.curve()).hasSize(2).allSatisfy(m -> {
            assertThat(m.trialsRun()).as("1 warmup + 3 measured").isEqualTo(4);
            assertThat(m.measuredTrials()).isEqualTo(3);
            assertThat(m.throughput().get().max()).as("warmup value ignored").isEqualTo(1004.0);
        });
    }

    @Test
    void oneTaskLimitStillTunesPartitions() {
        SyntheticPlatform single = platform(p -> 50_000, 0.02, 17);

        TuningResult result = new Tuner(options().maxTasks(1).build()).tune(single);

        assertThat(result.curve()).extracting(m -> m.point().tasks()).as("only one task ever").containsOnly(1);
        assertThat(result.curve()).extracting(MeasuredPoint::point).contains(TuningPoint.ofTasks(1),
                new TuningPoint(1, 1), new TuningPoint(1, 2), new TuningPoint(1, 4));
        assertThat(result.best()).isPresent();
        assertThat(result.curve()).noneMatch(m -> m.phase() == TuningPhase.REFINE);
    }

    @Test
    void coarseTaskCountsArePowersOfTwoThenTheLimit() {
        assertThat(Tuner.coarseTasks(1)).containsExactly(1);
        assertThat(Tuner.coarseTasks(64)).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(Tuner.coarseTasks(24)).containsExactly(1, 2, 4, 8, 16, 24);
    }

    @Test
    void explicitTaskCountsReplaceThePowersOfTwoOfTheCoarsePass() {
        SyntheticPlatform p = platform(SyntheticPlatform.unimodal(200_000, 3, 64, 3.0), 0.01, 5);

        TuningResult result = new Tuner(options().maxTasks(8).coarseTasks(List.of(6, 3, 1)).build()).tune(p);

        assertThat(result.curve()).filteredOn(m -> m.phase() == TuningPhase.COARSE).extracting(m -> m.point().tasks())
                .as("--tasks 6,3,1, measured ascending, and no power of two besides 1").containsOnly(1, 3, 6);
        assertThatThrownBy(() -> options().maxTasks(4).coarseTasks(List.of(8)).build())
                .hasMessageContaining("coarse_tasks: every task count must be between 1 and max_tasks 4");
    }

    private static boolean overlap(Summary a, Summary b) {
        return a.ciLow() <= b.ciHigh() && b.ciLow() <= a.ciHigh();
    }
}
