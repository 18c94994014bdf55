package io.migbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void intervalOfTheMedianOfNineValuesIsTheSecondSmallestToTheSecondLargest() {
        Summary s = Summary.of(9, 1, 8, 2, 7, 3, 6, 4, 5);

        assertThat(s.n()).isEqualTo(9);
        assertThat(s.median()).as("median of unsorted input").isEqualTo(5.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(9.0);
        assertThat(s.ciLow()).as("2nd order statistic").isEqualTo(2.0);
        assertThat(s.ciHigh()).as("8th order statistic").isEqualTo(8.0);
        assertThat(s.coverage()).as("1 - 2 P(Bin(9, 1/2) <= 1) = 1 - 20/512").isCloseTo(1 - 20.0 / 512, within(1e-12));
        assertThat(s.reachesConfidence()).isTrue();
    }

    @Test
    void belowSixValuesTheIntervalIsTheRangeAndSaysItsLowerCoverage() {
        Summary s = Summary.of(10, 30, 20);

        assertThat(s.ciLow()).isEqualTo(10.0);
        assertThat(s.ciHigh()).isEqualTo(30.0);
        assertThat(s.coverage()).as("1 - 2 / 2^3").isCloseTo(0.75, within(1e-12));
        assertThat(s.reachesConfidence()).isFalse();
        assertThat(Summary.of(1, 2, 3, 4, 5, 6).coverage()).as("six values: min-max covers 1 - 2/64")
                .isCloseTo(1 - 2.0 / 64, within(1e-12));
    }

    @Test
    void medianOfEvenCountAveragesTheMiddlePair() {
        assertThat(Summary.of(10, 40, 20, 30).median()).isEqualTo(25.0);
    }

    @Test
    void overlapIsDecidedByTheIntervalsAndAMissingIntervalOverlapsEverything() {
        Summary low = Summary.of(10, 11, 12);
        Summary high = Summary.of(20, 21, 22);
        Summary touching = Summary.of(12, 15, 18);

        assertThat(low.overlaps(high)).isFalse();
        assertThat(high.overlaps(low)).isFalse();
        assertThat(low.overlaps(touching)).as("sharing the value 12").isTrue();
        assertThat(Summary.of(100).overlaps(low)).as("one trial excludes nothing").isTrue();
    }

    @Test
    void tightSampleIsNotNoisyAndAWideOneIs() {
        assertThat(Summary.of(100, 101, 99, 100, 100).isNoisy()).isFalse();
        assertThat(Summary.of(60, 100, 140).isNoisy()).as("±40%").isTrue();
    }

    @Test
    void singleValueHasNoIntervalAndIsNotCalledNoisy() {
        Summary s = Summary.of(42);
        assertThat(s.hasInterval()).isFalse();
        assertThat(s.ciLow()).isNaN();
        assertThat(s.median()).isEqualTo(42.0);
        assertThat(s.isNoisy()).isFalse();
        assertThat(s.coverage()).isZero();
    }

    @Test
    void emptySampleIsRejected() {
        assertThatThrownBy(Summary::of).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
