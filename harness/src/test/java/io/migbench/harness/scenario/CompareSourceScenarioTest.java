package io.migbench.harness.scenario;

import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.ConfigProblem;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.model.SourceEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code source.compare_with}: a second, generated source beside the main one, for the source-engine comparison. */
class CompareSourceScenarioTest {
    private static final String BABELFISH = """
            name: bbf
            dataset: {name: stackoverflow, scale: 0.1, load_into_external: true}
            source: {engine: sqlserver, compare_with: postgresql}
            backend:
              type: embedded
              source: {type: external, url: "jdbc:sqlserver://localhost:1433;databaseName=so", user: u, password_env: PW}
            matrix: {tasks: [1, 2]}
            engines: [migbench, freebcp-out]
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "s.yaml", Map.of("PW", "x")::get);
    }

    private static List<String> problems(String yaml) {
        ConfigFileException e = catchThrowableOfType(ConfigFileException.class, () -> parse(yaml));
        assertThat(e).as("a ConfigFileException for:\n%s", yaml).isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void theComparisonSourceIsGeneratedOnTheDefaultBackendAndMeasuredWithMigbenchOnly() {
        Scenario s = parse(BABELFISH);
        assertThat(s.compareSource()).isEqualTo(SourceEngine.POSTGRESQL);
        Scenario other = s.compareScenario().orElseThrow();
        assertThat(other.source()).isEqualTo(SourceEngine.POSTGRESQL);
        assertThat(other.backend().sourceType()).as("started by migbench").isEqualTo(BackendType.EMBEDDED);
        assertThat(other.dataset().loadIntoExternal()).isFalse();
        assertThat(other.dataset().scale()).isEqualTo(s.dataset().scale());
        assertThat(other.dataset().seed()).isEqualTo(s.dataset().seed());
        assertThat(other.engines()).containsExactly(EngineKind.MIGBENCH);
        assertThat(other.baseline()).as("the before/after stays on the main source").isNull();
        assertThat(other.matrix()).isEqualTo(s.matrix());
        assertThat(other.compareScenario()).isEmpty();
        assertThat(parse(ScenarioWriter.toYaml(s))).as("written back and read again").isEqualTo(s);
        assertThat(parse(BABELFISH.replace(", compare_with: postgresql", "")).compareScenario()).isEmpty();
    }

    @Test
    void aComparisonSourceMigbenchCannotStartOrGenerateIsOneErrorEach() {
        assertThat(problems(BABELFISH.replace("compare_with: postgresql", "compare_with: sqlserver")))
                .containsExactly("s.yaml:3: source.compare_with: must differ from source.engine (sqlserver)");
        assertThat(problems(BABELFISH.replace("type: embedded", "type: external")
                .replace("  source: {type: external,", "  target: {url: \"jdbc:postgresql://t/db\", user: u, password_env: PW}\n  source: {")))
                .containsExactly("s.yaml:3: source.compare_with: its server is started by migbench on backend.type, "
                        + "which is external; set backend.type: embedded (or docker) and give the external side its own "
                        + "backend.source.type");
        assertThat(problems(BABELFISH.replace("name: stackoverflow, scale: 0.1, load_into_external: true", "name: existing")
                .replace("engines: [migbench, freebcp-out]", "engines: [migbench]")))
                .containsExactly("s.yaml:3: source.compare_with: needs a generated dataset, loaded into both sources; "
                        + "existing reads only your own database");
    }
}
