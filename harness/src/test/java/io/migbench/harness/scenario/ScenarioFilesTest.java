package io.migbench.harness.scenario;

import io.migbench.harness.config.ConfigFiles;
import io.migbench.harness.model.SourceEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

public class ScenarioFilesTest {

    public static Path scenariosDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("scenarios"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with scenarios/").isNotNull();
        return dir.resolve("scenarios");
    }

    public static List<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(scenariosDir())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedScenarioLoadsAndSurvivesAWriteAndReload(@TempDir Path tmp) throws IOException {
        List<Path> files = shippedScenarios();
        assertThat(files).as("shipped scenarios").extracting(p -> p.getFileName().toString())
                .contains("quick.yaml", "stackoverflow.yaml", "platforms.yaml", "docker.yaml", "sqlserver.yaml",
                        "existing-postgres.yaml", "existing-sqlserver.yaml");
        // templates for the user's own servers name password variables: as if the user had exported them
        java.util.function.Function<String, String> exported = name -> "exported";
        for (Path file : files) {
            Scenario s = ScenarioLoader.parse(ConfigFiles.read(file), file.toString(), exported);
            assertThat(s.matrixPoints()).as("matrix of %s", file).isNotEmpty();
            Path copy = tmp.resolve(file.getFileName());
            ScenarioWriter.write(s, copy);
            assertThat(ScenarioLoader.parse(ConfigFiles.read(copy), copy.toString(), exported))
                    .as("%s written back and reloaded", file).isEqualTo(s);
        }
    }

    @Test
    void quickScenarioIsSmallEnoughForAFiveMinuteRun() {
        Scenario quick = ScenarioLoader.load(scenariosDir().resolve("quick.yaml"));
        assertThat(quick.dataset().scale()).as("scale: 0.2 sweeps in under a minute on 2 cores").isLessThanOrEqualTo(0.2);
        assertThat(quick.matrix().tasks()).containsExactly(1, 2, 4);
        assertThat(quick.trials()).isEqualTo(2);
        assertThat(quick.warmupTrials()).isEqualTo(1);
        assertThat(quick.profiles()).extracting(PlatformProfile::name).containsExactly("unconstrained", "one-core-each");
        assertThat(quick.profiles().get(1).target().limits().memoryBytes()).isEqualTo(2L << 30);
        assertThat(quick.matrixPoints()).extracting(EngineSettings::label)
                .containsExactly("migbench t1", "migbench t2", "migbench t4");
    }

    @Test
    void stackoverflowScenarioSweepsOneToSixtyFourTasksOnTwoPlatforms() {
        Scenario so = ScenarioLoader.load(scenariosDir().resolve("stackoverflow.yaml"));
        assertThat(so.dataset()).isEqualTo(DatasetSpec.generated("stackoverflow", 1.0, 42));
        assertThat(so.matrix().tasks()).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(so.profiles()).hasSize(2);
        assertThat(so.trials()).isEqualTo(3);
        assertThat(so.baseline().tasks()).as("before/after baseline").isEqualTo(8);
        assertThat(so.profile("constrained").orElseThrow().source().cpus()).isEqualTo(1.0);
    }

    @Test
    void platformsScenarioCapsWritesAndMakesThemSynchronous() {
        Scenario p = ScenarioLoader.load(scenariosDir().resolve("platforms.yaml"));
        InstanceProfile target = p.profile("virtualized-io").orElseThrow().target();
        assertThat(target.writeBytesPerSecond()).isEqualTo(100_000_000L);
        assertThat(target.settings()).containsEntry("synchronous_commit", "on").containsEntry("fsync", "on");
        assertThat(p.profiles()).extracting(PlatformProfile::name).containsExactly("native", "virtualized-io", "low-cpu");
    }

    @Test
    void containerScenariosUseTheDockerBackend() {
        Scenario docker = ScenarioLoader.load(scenariosDir().resolve("docker.yaml"));
        Scenario sqlserver = ScenarioLoader.load(scenariosDir().resolve("sqlserver.yaml"));
        assertThat(docker.backend().type()).isEqualTo(BackendType.DOCKER);
        assertThat(sqlserver.backend().type()).isEqualTo(BackendType.DOCKER);
        assertThat(sqlserver.source()).isEqualTo(SourceEngine.SQLSERVER);
        assertThat(sqlserver.backend().images()).containsKey("sqlserver");
    }
}
