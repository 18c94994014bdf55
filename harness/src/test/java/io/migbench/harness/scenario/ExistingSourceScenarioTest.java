package io.migbench.harness.scenario;

import io.migbench.harness.config.ConfigFileException;
import io.migbench.harness.config.ConfigProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The keys of an existing source, each side's backend and samples: every bad combination is one file:line error. */
class ExistingSourceScenarioTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("SRC_PW", "x", "TGT_PW", "y");
    private static final String EXISTING = """
            name: mine
            dataset:
              name: existing
              schema: [shop]
              tables: ["order*"]
              exclude: [order_audit]
              sample: {fraction: 0.05, largest_tables: 3}
            backend:
              source: {type: external, url: "jdbc:postgresql://db1/prod", user: reader, password_env: SRC_PW}
            matrix: {tasks: [2, 4]}
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "s.yaml", ENVIRONMENT::get);
    }

    private static List<String> problems(String yaml) {
        ConfigFileException e = catchThrowableOfType(ConfigFileException.class, () -> parse(yaml));
        assertThat(e).as("a ConfigFileException for:\n%s", yaml).isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void anExternalSourceIntoAnEmbeddedTargetWithFiltersAndASample() {
        Scenario s = parse(EXISTING);
        assertThat(s.dataset().existing()).isTrue();
        assertThat(s.dataset().schemas()).containsExactly("shop");
        assertThat(s.dataset().tables()).containsExactly("order*");
        assertThat(s.dataset().exclude()).containsExactly("order_audit");
        assertThat(s.dataset().sample()).isEqualTo(new Sample(0.05, 3));
        assertThat(s.backend().sourceType()).isEqualTo(BackendType.EXTERNAL);
        assertThat(s.backend().targetType()).as("the default type").isEqualTo(BackendType.EMBEDDED);
        assertThat(s.backend().label()).isEqualTo("external+embedded");
        Scenario again = parse(ScenarioWriter.toYaml(s));
        assertThat(again.dataset()).as("written back and read again").isEqualTo(s.dataset());
        assertThat(again.backend()).isEqualTo(s.backend());
    }

    @Test
    void anExistingDatasetNeedsAnExternalSource() {
        assertThat(problems(EXISTING.replace("type: external, url: \"jdbc:postgresql://db1/prod\", user: reader, password_env: SRC_PW",
                "type: embedded")))
                .containsExactly("s.yaml:3: dataset.name: existing reads your own database, so the source must be external "
                        + "(backend.source: {type: external, url, user, password_env}); the embedded backend starts an empty server");
    }

    @Test
    void anUnsetPasswordVariableIsAProblemOfTheFile() {
        assertThat(problems(EXISTING.replace("SRC_PW", "NOT_EXPORTED_PW")))
                .containsExactly("s.yaml:9: backend.source.password_env: environment variable NOT_EXPORTED_PW is not set "
                        + "(export it with the password first)");
    }

    @Test
    void aGeneratorWritesAnExternalSourceOnlyWhenAsked() {
        String generated = EXISTING.replaceAll("(?s)dataset:.*?backend:", "dataset: {name: stackoverflow}\nbackend:");
        assertThat(problems(generated)).singleElement().asString()
                .startsWith("s.yaml:2: dataset.load_into_external: loading stackoverflow into the external source creates its tables there");
        assertThat(parse(generated.replace("{name: stackoverflow}", "{name: stackoverflow, load_into_external: true}"))
                .dataset().loadIntoExternal()).isTrue();
        assertThat(problems("dataset: {name: types, load_into_external: true}\nmatrix: {tasks: 1}\n")).containsExactly(
                "s.yaml:1: dataset.load_into_external: only for an external source: migbench always loads the servers it starts");
    }

    @Test
    void filtersBelongToAnExistingDatasetAndBaselinesCannotReadIt() {
        assertThat(problems("dataset: {name: types, tables: [a]}\nmatrix: {tasks: 1}\n")).singleElement().asString()
                .startsWith("s.yaml:1: dataset.tables: selects tables of your own database: only with dataset name existing");
        assertThat(problems(EXISTING + "engines: [migbench, pg_dump-restore]\n")).singleElement().asString()
                .startsWith("s.yaml:11: engines[1]: pg_dump-restore is not run on an existing source");
    }

    @Test
    void settingsOfAnExternalServerNeedAnExplicitReloadAndNeverOnAnExistingSource() {
        String withTarget = EXISTING + """
                profiles:
                  - name: p
                    target: {settings: {work_mem: 64MB}}
                """;
        String external = withTarget.replace("password_env: SRC_PW}",
                "password_env: SRC_PW}\n  target: {type: external, url: \"jdbc:postgresql://db2/x\", user: w, password_env: TGT_PW}");
        assertThat(problems(external)).singleElement().asString()
                .startsWith("s.yaml:14: profiles[0].target.settings: migbench cannot apply server settings to an external server")
                .contains("backend.target.apply_settings: reload");
        assertThat(parse(external.replace("password_env: TGT_PW}", "password_env: TGT_PW, apply_settings: reload}"))
                .backend().target().applySettings()).isEqualTo(ApplySettings.RELOAD);
        assertThat(problems(EXISTING.replace("password_env: SRC_PW}", "password_env: SRC_PW, apply_settings: reload}")))
                .containsExactly("s.yaml:9: backend.source.apply_settings: an existing source is never written, not even its server settings");
    }

    @Test
    void sideKeysThatContradictTheirType() {
        assertThat(problems(EXISTING.replace("password_env: SRC_PW}", "password_env: SRC_PW}\n  target: {url: \"jdbc:postgresql://db2/x\", overwrite: true}"))).containsExactly(
                "s.yaml:10: backend.target: only an external target takes a server (url, user, password_env); set target.type: external",
                "s.yaml:10: backend.target.overwrite: only an external target can be overwritten");
        assertThat(problems(EXISTING.replace("{fraction: 0.05, largest_tables: 3}", "{fraction: 0}"))).containsExactly(
                "s.yaml:7: dataset.sample.fraction: must be > 0 and ≤ 1, got 0.0");
        assertThat(problems(EXISTING.replace("{fraction: 0.05, largest_tables: 3}", "{}"))).singleElement().asString()
                .startsWith("s.yaml:7: dataset.sample.fraction: a sample needs fraction");
    }
}
