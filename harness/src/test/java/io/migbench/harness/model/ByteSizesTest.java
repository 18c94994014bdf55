package io.migbench.harness.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizesTest {

    @Test
    void parsesBinaryAndDecimalUnitsAndUnlimited() {
        assertThat(ByteSizes.size("512MiB")).isEqualTo(512L * 1024 * 1024);
        assertThat(ByteSizes.size("1.5 GB")).isEqualTo(1_500_000_000L);
        assertThat(ByteSizes.size("4096")).as("bare number = bytes").isEqualTo(4096);
        assertThat(ByteSizes.size("unlimited")).isNull();
        assertThat(ByteSizes.rate("50MB/s")).isEqualTo(50_000_000L);
        assertThat(ByteSizes.rate("50MB")).as("/s is optional for a rate").isEqualTo(50_000_000L);
    }

    @Test
    void formatsTheShortestExactSpellingAndRoundTrips() {
        assertThat(ByteSizes.format(512L << 20)).isEqualTo("512MiB");
        assertThat(ByteSizes.format(1_024_000_000L)).as("largest unit first").isEqualTo("1024MB");
        assertThat(ByteSizes.formatRate(50_000_000L)).isEqualTo("50MB/s");
        assertThat(ByteSizes.format(1001L)).isEqualTo("1001B");
        assertThat(ByteSizes.format(null)).isEqualTo("unlimited");
        for (long v : new long[] {1, 1000, 1024, 1_024_000_000L, 3L << 30, 7_000_000_000L}) {
            assertThat(ByteSizes.size(ByteSizes.format(v))).as("round trip of " + v).isEqualTo(v);
            assertThat(ByteSizes.rate(ByteSizes.formatRate(v))).as("rate round trip of " + v).isEqualTo(v);
        }
    }

    @Test
    void rejectsUnknownUnitsAndRatesWhereASizeIsWanted() {
        assertThatThrownBy(() -> ByteSizes.size("1 gigabyte"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad size unit \"gigabyte\"")
                .hasMessageContaining("MiB");
        assertThatThrownBy(() -> ByteSizes.size("50MB/s")).hasMessageContaining("is a rate");
        assertThatThrownBy(() -> ByteSizes.rate("fast")).hasMessageContaining("not a rate");
    }
}
