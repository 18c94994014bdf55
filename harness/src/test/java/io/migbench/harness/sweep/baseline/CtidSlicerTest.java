package io.migbench.harness.sweep.baseline;

import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.schema.ColumnDef;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CtidSlicerTest {
    static final long BLOCK = 8192;

    static TableDef table(String name, long blocks) {
        return new TableDef(new TableName("public", name), List.of(new ColumnDef("v", "text", false, null, (char) 0, null, null, null, true, null)),
                List.of(), List.of(), List.of(), List.of(), blocks * 10, blocks * BLOCK);
    }

    @Test
    void bigTablesAreCutIntoContiguousRangesAndSmallOnesGoWhole() {
        List<Slice> slices = new CtidSlicer(100).slices(List.of(table("small", 50), table("big", 1000)), 2, BLOCK, true);

        List<Slice> big = slices.stream().filter(s -> s.table().name().name().equals("big")).toList();
        assertThat(big).as("1050 blocks / (2 tasks x 4) = 132 blocks a slice: 1000 blocks in 8").hasSize(8);
        assertThat(big.stream().filter(s -> s.range().lower() == null)).as("one range open below").hasSize(1);
        assertThat(big.stream().filter(s -> s.range().upper() == null)).as("one range open above").hasSize(1);
        List<String> lowers = big.stream().filter(s -> s.range().lower() != null).map(s -> s.range().lower().get(0)).sorted().toList();
        List<String> uppers = big.stream().filter(s -> s.range().upper() != null).map(s -> s.range().upper().get(0)).sorted().toList();
        assertThat(lowers).as("every inner bound starts one range and ends another: no gap, no overlap").isEqualTo(uppers);
        assertThat(big.stream().mapToLong(Slice::blocks).sum()).as("blocks covered").isEqualTo(1000);
        assertThat(slices).filteredOn(s -> s.table().name().name().equals("small")).singleElement()
                .satisfies(s -> assertThat(s.range().kind()).isEqualTo(PartitionKind.WHOLE_TABLE));
        assertThat(slices).as("biggest first").isSortedAccordingTo((a, b) -> Long.compare(b.blocks(), a.blocks()));
    }

    @Test
    void withoutTidRangeScansEveryTableGoesWhole() {
        List<Slice> slices = new CtidSlicer(1).slices(List.of(table("big", 1000), table("other", 10)), 4, BLOCK, false);
        assertThat(slices).extracting(s -> s.range().kind()).containsOnly(PartitionKind.WHOLE_TABLE);
        assertThat(slices).hasSize(2);
    }
}
