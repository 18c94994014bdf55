package io.migbench.spark;

import io.migbench.engine.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineArgumentsTest {
    private static final List<String> GIVEN = List.of("--source", "jdbc:postgresql://s/db", "--lease", "30",
            "--target", "jdbc:postgresql://t/db", "--tasks", "2");

    @Test
    void everyPhaseGetsTheSameArgumentsAfterItsOwn() {
        EngineArguments arguments = new EngineArguments(GIVEN);

        assertThat(arguments.forPhase(Step.PLAN)).containsExactly("--phase", "plan", "--source",
                "jdbc:postgresql://s/db", "--target", "jdbc:postgresql://t/db", "--tasks", "2");
        assertThat(arguments.forPhase(Step.FINALIZE)).startsWith("--phase", "finalize").doesNotContain("--lease");
    }

    @Test
    void copyWorkersAlsoGetTheCopyOnlyLease() {
        assertThat(new EngineArguments(GIVEN).forCopyWorker("spark-3-1")).containsExactly("--phase", "copy",
                "--worker-id", "spark-3-1", "--source", "jdbc:postgresql://s/db", "--target",
                "jdbc:postgresql://t/db", "--tasks", "2", "--lease", "30");
        assertThat(new EngineArguments(List.of("--lease=45")).forCopyWorker("w")).endsWith("--lease=45");
    }

    @Test
    void optionsTheJobSetsAreRefusedNamingTheFlag() {
        for (String flag : List.of("--phase", "--worker-id=w", "--hold-snapshot")) {
            assertThatThrownBy(() -> new EngineArguments(List.of("--source", "x", flag)))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo(flag.split("=")[0]))
                    .hasMessageStartingWith(flag.split("=")[0]);
        }
    }
}
