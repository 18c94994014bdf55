package io.migbench.harness.tune;

import io.migbench.harness.scenario.CountOrAuto;
import io.migbench.harness.scenario.EngineSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TuningPointTest {

    @Test
    void labelNamesOnlyWhatIsSet() {
        assertThat(TuningPoint.ofTasks(8).label()).isEqualTo("migbench t8");
        assertThat(TuningPoint.ofTasks(8).withPartitions(16).label()).isEqualTo("migbench t8 p=16");
        assertThat(EngineSettings.fromLabel(new TuningPoint(8, 16).label()).partitions())
                .as("the settings-label format of trials.csv, read back").isEqualTo(CountOrAuto.of(16));
    }

    @Test
    void defaultsMeanEngineDefaultPartitions() {
        TuningPoint p = TuningPoint.ofTasks(6);

        assertThat(p.partitions()).isNull();
        assertThat(p.isTasksOnly()).isTrue();
        assertThat(p.withPartitions(12).isTasksOnly()).isFalse();
    }

    @Test
    void impossibleSettingsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> TuningPoint.ofTasks(0)).hasMessage("tasks: must be at least 1, got 0");
        assertThatThrownBy(() -> new TuningPoint(4, 0)).hasMessage("partitions: must be at least 1, got 0");
    }
}
