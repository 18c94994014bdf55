package io.migbench.harness.scenario;

import io.migbench.harness.model.ByteSizes;
import io.migbench.harness.model.EngineKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatrixAndSettingsTest {

    @Test
    void matrixPointsAreTheCrossProductWithBaselineEnginesCollapsed() {
        Scenario s = ScenarioLoader.parse("""
                dataset: {name: types}
                matrix:
                  tasks: [2, 4]
                  partitions: [auto, 16]
                  copy_format: [binary, text]
                engines: [migbench, pg_dump-restore]
                """, "m.yaml");
        List<EngineSettings> points = s.matrixPoints();
        assertThat(points).as("2x2x2 for migbench, 2 for pg_dump-restore which ignores partitions and format").hasSize(10);
        assertThat(points).extracting(EngineSettings::label).startsWith("migbench t2", "migbench t4", "migbench t2 p=16")
                .contains("migbench t4 p=16 text", "pg_dump-restore t2", "pg_dump-restore t4")
                .doesNotHaveDuplicates();
        assertThat(s.name()).as("name defaults to the file's stem").isEqualTo("m");
    }

    @Test
    void labelsReadBackToTheSameSettings() {
        EngineSettings s = EngineSettings.defaults(EngineKind.MIGBENCH, 16).withPartitions(CountOrAuto.of(36))
                .withCopyFormat(CopyFormat.TEXT).withSplit(SplitMode.CTID)
                .withUnlogged(true).withIndexTasks(CountOrAuto.of(2));
        assertThat(s.label()).isEqualTo("migbench t16 p=36 text split=ctid unlogged idx=2");
        assertThat(EngineSettings.fromLabel(s.label())).isEqualTo(s);
        assertThat(EngineSettings.fromLabel("psql-pipe t4")).isEqualTo(EngineSettings.defaults(EngineKind.PSQL_PIPE, 4));
        assertThat(s.asColumns()).containsEntry("tasks", "16").containsEntry("partitions", "36")
                .containsEntry("unlogged", "true").containsEntry("engine", "migbench");
        assertThatThrownBy(() -> EngineSettings.defaults(EngineKind.MIGBENCH, 0))
                .hasMessage("tasks: must be ≥ 1, got 0");
    }

    @Test
    void sizesAndDurationsParseTheDocumentedForms() {
        assertThat(ByteSizes.size("512MiB")).isEqualTo(512L << 20);
        assertThat(ByteSizes.size("1.5GiB")).isEqualTo(3L << 29);
        assertThat(ByteSizes.size("2GB")).isEqualTo(2_000_000_000L);
        assertThat(ByteSizes.size("4096")).isEqualTo(4096L);
        assertThat(ByteSizes.size("unlimited")).isNull();
        assertThat(ByteSizes.rate("50MB/s")).isEqualTo(50_000_000L);
        assertThat(ByteSizes.rate("50MB")).as("/s is optional for a rate").isEqualTo(50_000_000L);
        assertThatThrownBy(() -> ByteSizes.size("50MB/s")).hasMessageContaining("is a rate");
        assertThatThrownBy(() -> ByteSizes.size("lots")).hasMessageContaining("not a size");
        assertThat(ByteSizes.format(2L << 30)).isEqualTo("2GiB");
        assertThat(ByteSizes.formatRate(100_000_000L)).isEqualTo("100MB/s");
        assertThat(ByteSizes.format(1234L)).isEqualTo("1234B");
        assertThat(ByteSizes.rate(ByteSizes.formatRate(100_000_000L))).isEqualTo(100_000_000L);
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.format(Duration.ofSeconds(5430))).isEqualTo("1h30m30s");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
    }
}
