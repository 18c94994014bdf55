package io.migbench.harness.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CopiedShareTest {
    private static SourceTable table(String name, boolean copied, double fraction) {
        return new SourceTable("p", "public", name, 1000, 8192, 0, copied, fraction);
    }

    @Test
    void theWholeSourceNeedsNoWordsAndASampleSaysWhatItCopied() {
        assertThat(CopiedShare.describe(List.of(table("a", true, 1), table("b", true, 1)))).isEmpty();
        assertThat(CopiedShare.describe(List.of())).as("a run from before source_tables.csv").isEmpty();
        assertThat(CopiedShare.describe(List.of(table("a", true, 0.25), table("b", true, 1)))).isEqualTo("25% sample");
        assertThat(CopiedShare.describe(List.of(table("a", true, 1), table("b", false, 1), table("c", true, 1))))
                .isEqualTo("2 of 3 tables");
        assertThat(CopiedShare.describe(List.of(table("a", true, 0.1), table("b", false, 1)))).isEqualTo("10% sample of 1 of 2 tables");
    }
}
