package io.migbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void studentQuantileMatchesPublishedTables() {
        assertThat(Summary.tQuantile(0.975, 2)).as("t(0.975, df=2)").isCloseTo(4.303, within(0.0005));
        assertThat(Summary.tQuantile(0.975, 4)).as("t(0.975, df=4)").isCloseTo(2.776, within(0.0005));
        assertThat(Summary.tQuantile(0.975, 30)).as("t(0.975, df=30)").isCloseTo(2.042, within(0.0005));
    }

    @Test
    void confidenceIntervalOfOneToFiveIsThreePlusMinusOnePointNineSixThree() {
        Summary s = Summary.of(5, 3, 1, 4, 2);

        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).as("mean").isEqualTo(3.0);
        assertThat(s.median()).as("median of unsorted input").isEqualTo(3.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(5.0);
        assertThat(s.stddev()).as("sample stddev, n-1").isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(s.halfWidth()).as("2.776 * 1.5811 / sqrt(5)").isCloseTo(1.963, within(0.0005));
        assertThat(s.ciLow()).isCloseTo(3 - 1.963, within(0.0005));
        assertThat(s.ciHigh()).isCloseTo(3 + 1.963, within(0.0005));
        assertThat(s.relativeHalfWidth()).isCloseTo(1.963 / 3, within(0.0005));
        assertThat(s.isNoisy()).as("±65% is noisy").isTrue();
    }

    @Test
    void medianOfEvenCountAveragesTheMiddlePair() {
        assertThat(Summary.of(10, 40, 20, 30).median()).isEqualTo(25.0);
    }

    @Test
    void tightSampleIsNotNoisy() {
        Summary s = Summary.of(100, 101, 99, 100, 100);
        assertThat(s.relativeHalfWidth()).isLessThan(Summary.NOISE_THRESHOLD);
        assertThat(s.isNoisy()).isFalse();
    }

    @Test
    void singleValueHasNoIntervalAndIsNotCalledNoisy() {
        Summary s = Summary.of(42);
        assertThat(s.hasInterval()).isFalse();
        assertThat(s.ciLow()).isNaN();
        assertThat(s.median()).isEqualTo(42.0);
        assertThat(s.isNoisy()).isFalse();
    }

    @Test
    void emptySampleIsRejected() {
        assertThatThrownBy(Summary::of).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
