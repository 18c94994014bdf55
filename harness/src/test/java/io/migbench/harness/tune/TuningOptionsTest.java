package io.migbench.harness.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningOptionsTest {

    @Test
    void defaultsAreThreeTrialsTwentyMinutesNinetyFivePercent() {
        TuningOptions o = TuningOptions.builder().build();

        assertThat(o.trialsPerPoint()).isEqualTo(3);
        assertThat(o.warmupTrials()).isZero();
        assertThat(o.budget()).isEqualTo(Duration.ofMinutes(20));
        assertThat(o.confidence()).isEqualTo(0.95);
        assertThat(o.maxTasks()).as("derived from this machine")
                .isEqualTo(TuningOptions.defaultMaxTasks(Runtime.getRuntime().availableProcessors()));
        assertThat(o.partitionFactors()).containsExactly(1, 2, 4);
    }

    @Test
    void defaultMaxTasksIsFourPerCoreBetweenEightAndTheCap() {
        assertThat(TuningOptions.defaultMaxTasks(1)).as("at least 8").isEqualTo(8);
        assertThat(TuningOptions.defaultMaxTasks(2)).isEqualTo(8);
        assertThat(TuningOptions.defaultMaxTasks(6)).isEqualTo(24);
        assertThat(TuningOptions.defaultMaxTasks(16)).isEqualTo(64);
        assertThat(TuningOptions.defaultMaxTasks(256)).as("capped").isEqualTo(TuningOptions.DEFAULT_MAX_TASKS_CAP);
    }

    @Test
    void everyBadOptionIsNamedInOneMessage() {
        assertThatThrownBy(() -> TuningOptions.builder().maxTasks(0).trialsPerPoint(1).warmupTrials(-1)
                .budget(Duration.ZERO).confidence(1.0).partitionFactors(List.of(0))
                .clock(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_tasks: must be between 1 and 1024, got 0")
                .hasMessageContaining("trials_per_point: must be at least 2 to give a confidence interval, got 1")
                .hasMessageContaining("warmup_trials: must not be negative, got -1")
                .hasMessageContaining("budget: must be a positive duration, got PT0S")
                .hasMessageContaining("confidence: must be between 0 and 1")
                .hasMessageContaining("partition_factors")
                .hasMessageContaining("clock: missing");
    }

    @Test
    void warmupsAreTheFirstTrialNumbers() {
        TuningOptions o = TuningOptions.builder().warmupTrials(2).build();

        assertThat(o.isWarmup(1)).isTrue();
        assertThat(o.isWarmup(2)).isTrue();
        assertThat(o.isWarmup(3)).isFalse();
        assertThat(TuningOptions.builder().build().isWarmup(1)).as("no warmups by default").isFalse();
    }
}
