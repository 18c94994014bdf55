package io.migbench.harness.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizesTest {

    @Test
    void parsesBinaryAndDecimalUnits() {
        assertThat(ByteSizes.parseBytes("memory", "512MiB")).isEqualTo(512L * 1024 * 1024);
        assertThat(ByteSizes.parseBytes("memory", "1GiB")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parseBytes("memory", "1.5 GB")).isEqualTo(1_500_000_000L);
        assertThat(ByteSizes.parseBytes("memory", "4096")).as("bare number = bytes").isEqualTo(4096);
        assertThat(ByteSizes.parseBytesPerSecond("write_bps", "50MB/s")).isEqualTo(50_000_000L);
        assertThat(ByteSizes.parseBytesPerSecond("write_bps", "50mb")).as("case-insensitive, /s optional")
                .isEqualTo(50_000_000L);
    }

    @Test
    void formatsTheShortestExactSpellingAndRoundTrips() {
        assertThat(ByteSizes.format(512L << 20)).isEqualTo("512MiB");
        assertThat(ByteSizes.format(50_000_000L)).isEqualTo("50MB");
        assertThat(ByteSizes.formatRate(50_000_000L)).isEqualTo("50MB/s");
        assertThat(ByteSizes.format(1001)).isEqualTo("1001B");
        for (long v : new long[] {1, 1000, 1024, 3L << 30, 7_000_000_000L}) {
            assertThat(ByteSizes.parseBytes("x", ByteSizes.format(v))).as("round trip of " + v).isEqualTo(v);
        }
    }

    @Test
    void rejectsUnknownUnitsNamingTheField() {
        assertThatThrownBy(() -> ByteSizes.parseBytes("memory", "512XB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("memory: unknown unit \"XB\"")
                .hasMessageContaining("MiB");
        assertThatThrownBy(() -> ByteSizes.parseBytesPerSecond("write_bps", "fast"))
                .hasMessageStartingWith("write_bps:");
        assertThatThrownBy(() -> ByteSizes.parseBytes("memory", ""))
                .hasMessageStartingWith("memory:");
    }
}
