package io.migbench.harness.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialRecordTest {
    @Test
    void addingWhatATrialUsedKeepsEveryOtherComponent() throws Exception {
        TrialRecord measured = TrialFixtures.trial().baseline(true).position(2, 3).durability("durable")
                .sessionSettings("synchronous_commit=off").tool("0.1.0 (commit abc1234)", "17.0.15 (Debian)")
                .error("a note").build();
        ResourceUsage used = new ResourceUsage(1.25, 3.5, 2.0, 0L, 8192L, 4096L, 90_000_000L, 60_000_000L,
                new WaitProfile(20, Map.of("CPU", 1.0)), new WaitProfile(40, Map.of("CPU", 1.0)), "test");

        TrialRecord copy = measured.withResources(used);

        assertThat(copy.resources()).isEqualTo(used);
        // every component, by reflection: one added later is checked without touching this test
        for (RecordComponent c : TrialRecord.class.getRecordComponents()) {
            if (!c.getName().equals("resources")) {
                assertThat(c.getAccessor().invoke(copy)).as(c.getName())
                        .isEqualTo(c.getAccessor().invoke(measured));
            }
        }
        assertThat(copy.migbenchVersion()).as("the tool columns survive the copy")
                .isEqualTo("0.1.0 (commit abc1234)");
    }
}
