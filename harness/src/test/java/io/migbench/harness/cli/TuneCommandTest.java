package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TuneCommandTest {
    @TempDir
    Path dir;

    @Test
    void shortRealTuneRecordsItsCurveAndWritesARecommendation() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, """
                name: tiny-tune
                dataset: {name: stackoverflow, scale: 0.002, seed: 3}
                profiles:
                  - name: local
                matrix:
                  tasks: [1]
                trials: 2
                warmup_trials: 0
                tune: {max_tasks: 2, budget: 3m}
                """);
        StringWriter out = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));

        int exit = MigbenchCli.execute(cli, "tune", scenario.toString(), "--out", dir.toString(), "--run-id", "t1");

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.OK);
        List<TrialResult> trials = ResultsReader.read(dir.resolve("t1"));
        assertThat(trials).as("coarse pass measured 1 and 2 tasks, two trials each at least")
                .filteredOn(t -> t.trial().isOk()).extracting(t -> t.trial().tasks()).contains(1, 2);
        assertThat(trials.size()).isGreaterThanOrEqualTo(4);
        List<PlatformRecommendation> recommendations = TunedSettingsFile.read(dir.resolve("t1/tuned.yaml"));
        assertThat(recommendations).singleElement().satisfies(r -> {
            assertThat(r.platform()).isEqualTo("local");
            assertThat(r.settings().tasks()).isBetween(1, 2);
        });
        assertThat(out.toString()).contains("platform local: Recommended").contains("tuned.yaml");
        assertThat(dir.resolve("t1/REPORT.md")).exists();
    }
}
