package io.migbench.harness.scenario;

import io.migbench.engine.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioOverridesTest {
    private static final Scenario QUICK = ScenarioLoader.parse("""
            name: q
            dataset: {name: stackoverflow, scale: 0.01}
            matrix: {tasks: [1, 2, 4]}
            trials: 3
            warmup_trials: 1
            baseline: {tasks: 1}
            """, "q.yaml");

    @Test
    void overridesReplaceTrialsWarmupAndTasksAndTheWrittenScenarioRecordsThem() {
        Scenario s = new ScenarioOverrides(1, 0, List.of(1, 8)).applyTo(QUICK);

        assertThat(s.trials()).isEqualTo(1);
        assertThat(s.warmupTrials()).isZero();
        assertThat(s.matrixPoints()).extracting(EngineSettings::tasks).containsExactly(1, 8);
        Scenario reread = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "copy.yaml");
        assertThat(reread.trials()).as("scenario.yaml of the run folder").isEqualTo(1);
        assertThat(reread.warmupTrials()).isZero();
        assertThat(reread.matrix().tasks()).containsExactly(1, 8);
    }

    @Test
    void absentOverridesKeepTheFilesValues() {
        assertThat(ScenarioOverrides.NONE.applyTo(QUICK)).isEqualTo(QUICK);
        Scenario onlyTrials = new ScenarioOverrides(5, null, null).applyTo(QUICK);
        assertThat(onlyTrials.warmupTrials()).isEqualTo(1);
        assertThat(onlyTrials.matrix()).isEqualTo(QUICK.matrix());
    }

    @Test
    void badOverridesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> new ScenarioOverrides(0, null, null)).isInstanceOf(ConfigurationException.class)
                .hasMessage("--trials: must be at least 1, got 0");
        assertThatThrownBy(() -> new ScenarioOverrides(null, -1, null)).hasMessageStartingWith("--warmup:");
        assertThatThrownBy(() -> new ScenarioOverrides(null, null, List.of(2, 2))).hasMessageStartingWith("--tasks:");
        assertThatThrownBy(() -> new ScenarioOverrides(null, null, List.of(2, 4)).applyTo(QUICK))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("leaves out the baseline of scenario q").hasMessageContaining("add 1");
    }
}
