package io.migbench.harness.scenario;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.ConfigProblem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioErrorsTest {
    private static final String VALID = """
            name: x
            dataset:
              name: stackoverflow
              scale: 0.01
            profiles:
              - name: p1
                target:
                  cpus: 1
                  memory: 1GiB
            matrix:
              tasks: [1, 2, 4]
            trials: 2
            """;

    /** The password variables the external scenarios below name, as if exported. */
    private static final java.util.Map<String, String> ENVIRONMENT = java.util.Map.of("PW", "x", "SOURCE_PW", "x", "TARGET_PW", "x");

    private static List<String> problems(String yaml) {
        ConfigFileException e = catchThrowableOfType(ConfigFileException.class,
                () -> ScenarioLoader.parse(yaml, "scenarios/x.yaml", ENVIRONMENT::get));
        assertThat(e).as("a ConfigFileException for:\n%s", yaml).isNotNull();
        assertThat(e).as("config errors map to exit code 2").isInstanceOf(IllegalArgumentException.class);
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void validScenarioHasDefaultsFilledIn() {
        Scenario s = ScenarioLoader.parse(VALID, "scenarios/x.yaml");
        assertThat(s.warmupTrials()).as("default warmup").isEqualTo(1);
        assertThat(s.verify()).isEqualTo(VerifyMode.COUNT);
        assertThat(s.engines()).containsExactly(EngineKind.MIGBENCH);
        assertThat(s.backend().type()).isEqualTo(BackendType.EMBEDDED);
        assertThat(s.baseline()).as("baseline defaults to the first point").isEqualTo(s.matrixPoints().get(0));
        assertThat(s.dataset().seed()).isEqualTo(DatasetSpec.DEFAULT_SEED);
        assertThat(s.profiles().get(0).source().hasLimits()).isFalse();
    }

    @Test
    void zeroTasksNamesFileLineAndField() {
        assertThat(problems(VALID.replace("tasks: [1, 2, 4]", "tasks: [1, 0, 4]")))
                .containsExactly("scenarios/x.yaml:11: matrix.tasks[1]: must be ≥ 1, got 0");
    }

    @Test
    void poolSizeIsNoLongerAMatrixKnob() {
        assertThat(problems(VALID.replace("tasks: [1, 2, 4]", "tasks: [1, 2, 4]\n  pool_size: [8]")))
                .as("the engine holds one connection per task: a pool size would be accepted and ignored")
                .singleElement().asString().contains("matrix.pool_size: unknown key");
    }

    @Test
    void trialOrderIsInterleavedUnlessTheScenarioSaysBlocked() {
        Scenario interleaved = ScenarioLoader.parse(VALID, "x.yaml");
        Scenario blocked = ScenarioLoader.parse(VALID + "trial_order: blocked\norder_seed: 7\n", "x.yaml");

        assertThat(interleaved.trialOrder()).isEqualTo(TrialOrder.DEFAULT);
        assertThat(blocked.trialOrder()).isEqualTo(new TrialOrder(TrialOrder.Mode.BLOCKED, 7));
        assertThat(problems(VALID + "trial_order: random\n")).singleElement().asString().contains("trial_order");
    }

    @Test
    void unknownKeyIsListedWithItsLineAndASuggestion() {
        List<String> p = problems(VALID.replace("trials: 2", "trails: 2"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).startsWith("scenarios/x.yaml:12: trails: unknown key (did you mean \"trials\"?)");
        assertThat(p.get(0)).as("lists the known keys").contains("warmup_trials");
    }

    @Test
    void wrongTypeIsNamed() {
        assertThat(problems(VALID.replace("trials: 2", "trials: three")))
                .containsExactly("scenarios/x.yaml:12: trials: expected an integer, got string \"three\"");
        assertThat(problems(VALID.replace("tasks: [1, 2, 4]", "tasks: {a: 1}")))
                .containsExactly("scenarios/x.yaml:11: matrix.tasks: expected a list, got a map");
    }

    @Test
    void negativeTrialsAreRejected() {
        assertThat(problems(VALID.replace("trials: 2", "trials: -1")))
                .containsExactly("scenarios/x.yaml:12: trials: must be ≥ 1, got -1");
    }

    @Test
    void impossibleLimitsNameTheProfileField() {
        List<String> p = problems(VALID.replace("cpus: 1", "cpus: 0").replace("memory: 1GiB", "memory: 1MiB"));
        assertThat(p).containsExactly(
                "scenarios/x.yaml:8: profiles[0].target.cpus: must be at least 0.01, got 0.0",
                "scenarios/x.yaml:9: profiles[0].target.memory: must be at least 64MiB for PostgreSQL to start, got 1048576 bytes");
    }

    @Test
    void badSizeUnitIsExplained() {
        assertThat(problems(VALID.replace("memory: 1GiB", "memory: 1GX")))
                .containsExactly("scenarios/x.yaml:9: profiles[0].target.memory: bad size unit \"GX\" in \"1GX\"; "
                        + "use one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB");
    }

    @Test
    void unknownEngineListsTheKnownOnes() {
        assertThat(problems(VALID + "engines: [migbench, bcp]\n"))
                .containsExactly("scenarios/x.yaml:13: engines[1]: unknown value \"bcp\"; "
                        + "one of: migbench, psql-pipe, pgcopydb, pg_dump-restore, freebcp-out, pgloader");
    }

    @Test
    void missingFileIsAConfigError() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("scenarios/nope.yaml")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("scenarios/nope.yaml: no such file");
    }

    @Test
    void allProblemsAreReportedTogetherInLineOrder() {
        String yaml = VALID.replace("scale: 0.01", "scale: 0").replace("trials: 2", "trials: 0")
                .replace("name: p1", "name: p1\n    colour: red");
        assertThat(problems(yaml)).containsExactly(
                "scenarios/x.yaml:4: dataset.scale: must be > 0 and ≤ 1000, got 0.0",
                "scenarios/x.yaml:7: profiles[0].colour: unknown key; known keys here: name, description, source, target",
                "scenarios/x.yaml:13: trials: must be ≥ 1, got 0");
    }

    @Test
    void syntaxErrorNamesTheLine() {
        List<String> p = problems("name: x\nmatrix:\n  tasks: [1, 2\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).startsWith("scenarios/x.yaml:").contains("not valid YAML");
    }

    @Test
    void unknownDatasetSuggestsTheClosestName() {
        assertThat(problems(VALID.replace("name: stackoverflow", "name: stackoverlfow")))
                .containsExactly("scenarios/x.yaml:3: dataset.name: unknown dataset \"stackoverlfow\" "
                        + "(did you mean \"stackoverflow\"?); one of: stackoverflow, types, existing");
    }

    @Test
    void sqlServerSourceNeedsAContainerOrExternalBackend() {
        assertThat(problems(VALID + "source: {engine: sqlserver}\n"))
                .containsExactly("scenarios/x.yaml:13: source.engine: sqlserver needs backend type docker or external: "
                        + "the embedded backend runs PostgreSQL only");
        assertThat(problems(VALID + "source: {engine: sqlserver}\nbackend: {type: docker}\nengines: [migbench, psql-pipe]\n"))
                .containsExactly("scenarios/x.yaml:15: engines[1]: psql-pipe cannot read a sqlserver source; "
                        + "engines for it: [migbench, freebcp-out, pgloader]");
        assertThat(problems(VALID + "engines: [migbench, freebcp-out]\n"))
                .containsExactly("scenarios/x.yaml:13: engines[1]: freebcp-out cannot read a postgresql source; "
                        + "engines for it: [migbench, psql-pipe, pgcopydb, pg_dump-restore]");
    }

    @Test
    void externalBackendTakesPasswordVariablesNeverPasswords() {
        String external = """
                name: ext
                dataset: {name: stackoverflow}
                matrix: {tasks: 4}
                backend:
                  type: external
                  source: {url: "jdbc:postgresql://db1/so", user: app, password: secret}
                  target: {url: "jdbc:postgresql://db2/so?password=hunter2", user: app, password_env: TARGET_PW}
                """;
        List<String> p = problems(external);
        assertThat(p).hasSize(3);
        assertThat(p.get(0)).startsWith("scenarios/x.yaml:6: backend.source.password: passwords are never written");
        assertThat(p.get(1)).startsWith("scenarios/x.yaml:6: backend.source.password_env: is required");
        assertThat(p.get(2)).startsWith("scenarios/x.yaml:7: backend.target.url: contains a password")
                .doesNotContain("hunter2");

        Scenario ok = ScenarioLoader.parse(external.replace(", password: secret", ", password_env: SOURCE_PW")
                .replace("{name: stackoverflow}", "{name: stackoverflow, load_into_external: true}")
                .replace("?password=hunter2", ""), "ext.yaml", ENVIRONMENT::get);
        assertThat(ok.backend().source().passwordEnv()).isEqualTo("SOURCE_PW");
        assertThat(ScenarioWriter.toYaml(ok)).contains("password_env: SOURCE_PW").doesNotContain("secret");
    }

    @Test
    void limitsOnAnExternalServerAreAContradiction() {
        String yaml = VALID.replace("scale: 0.01", "scale: 0.01\n  load_into_external: true") + """
                backend:
                  type: external
                  source: {url: "jdbc:postgresql://a/b", user: app, password_env: PW}
                  target: {url: "jdbc:postgresql://c/d", user: app, password_env: PW}
                """;
        assertThat(problems(yaml)).containsExactly("scenarios/x.yaml:8: profiles[0].target: resource limits cannot be "
                + "enforced on an external server; remove them or use the embedded or docker backend");
    }

    @Test
    void baselineMustBeAPointOfTheMatrix() {
        assertThat(problems(VALID + "baseline: {tasks: 8}\n"))
                .containsExactly("scenarios/x.yaml:13: baseline: \"migbench t8\" is not a point of the matrix, "
                        + "so it would never be measured");
        assertThat(ScenarioLoader.parse(VALID + "baseline: {tasks: 4}\n", "x.yaml").baseline().tasks()).isEqualTo(4);
    }

    @Test
    void duplicateProfileNamesAndDuplicateTasksAreRejected() {
        String yaml = VALID.replace("tasks: [1, 2, 4]", "tasks: [1, 2, 2]") + "  - name: p1\n";
        yaml = yaml.replace("trials: 2\n  - name: p1\n", "trials: 2\n").replace("profiles:\n", "profiles:\n  - name: p1\n");
        assertThat(problems(yaml)).containsExactly(
                "scenarios/x.yaml:7: profiles[1].name: duplicate profile name \"p1\"",
                "scenarios/x.yaml:12: matrix.tasks[2]: duplicate value 2");
    }
}
