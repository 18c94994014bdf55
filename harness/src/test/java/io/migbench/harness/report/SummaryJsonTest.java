package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migbench.harness.cli.MigbenchCli;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** summary.json from the fixed CSVs of src/test/resources/report-fixture, read back as plain JSON. */
class SummaryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void reportWritesSummaryJsonBesideReportMdWithEveryPlatform() throws Exception {
        Path run = copy("run-b");

        int code = MigbenchCli.newCommandLine().execute("report", run.toString());

        assertThat(code).isZero();
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("summary_version").asInt()).isEqualTo(1);
        assertThat(summary.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(summary.at("/tool/migbench_version").asText()).isNotBlank();
        assertThat(summary.at("/tool/java").asText()).contains(System.getProperty("java.version"));
        assertThat(summary.at("/tool/os").asText()).contains(System.getProperty("os.name"));
        assertThat(summary.at("/runs/0/run_ids/0").asText()).isEqualTo("run-b");
        JsonNode platform = summary.at("/platforms/0");
        assertThat(platform.get("key").asText()).isEqualTo("wsl-box/small");
        assertThat(platform.get("durability").asText()).isEqualTo("unknown");
        assertThat(platform.at("/environment/virtualization").asText()).isEqualTo("wsl2");
    }

    @Test
    void theBestConfigurationIsMigbenchsHighestMedianWithItsIntervalAsTheCsvGivesIt() throws Exception {
        Path run = copy("run-b");
        JsonNode platform = JSON.readTree(print("report", "--format", "json", run.toString())).at("/platforms/0");

        // the statistics from the CSV rows directly: measured (ok, not warmup) trials of tasks=4
        List<Double> rates = new ArrayList<>();
        for (TrialResult r : ResultsReader.read(run)) {
            TrialRecord t = r.trial();
            if (t.isMeasured() && t.settingsLabel().equals("tasks=4") && t.sourceEngine().equals("postgresql")) {
                rates.add(t.rowsPerSecond());
            }
        }
        Summary expected = Summary.of(rates.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(platform.get("best").asText()).as("migbench's own, though psql-pipe ran faster")
                .isEqualTo("migbench tasks=4");
        JsonNode t = platform.get("best_rows_per_second");
        assertThat(t.get("n").asInt()).isEqualTo(expected.n()).isEqualTo(3);
        assertThat(t.get("median").asDouble()).isEqualTo(expected.median(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(t.get("ci_low").asDouble()).isEqualTo(expected.ciLow(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(t.get("ci_high").asDouble()).isEqualTo(expected.ciHigh(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(t.get("coverage").asDouble()).isEqualTo(0.75);
        assertThat(platform.get("distinguishable").asBoolean()).isTrue();
        assertThat(platform.get("tied")).extracting(JsonNode::asText).containsExactly("migbench tasks=4");
        assertThat(platform.get("ranking").asText()).isEqualTo("distinguishable from every other configuration");
        assertThat(platform.at("/recommendation/tasks").asInt()).isEqualTo(4);
        assertThat(platform.at("/recommendation/verdict").asText()).isEqualTo("distinguishable");
        assertThat(platform.get("configurations")).extracting(c -> c.get("name").asText())
                .contains("migbench tasks=1", "migbench tasks=4", "migbench tasks=16", "psql-pipe x3");
        JsonNode four = find(platform.get("configurations"), "migbench tasks=4");
        assertThat(four.get("measured").asInt()).isEqualTo(3);
        assertThat(four.get("warmups").asInt()).isEqualTo(1);
        assertThat(four.at("/rows_per_second/median").asDouble()).isEqualTo(t.get("median").asDouble());
    }

    @Test
    void overlappingIntervalsMakeATieSetAndARankingInWords() throws Exception {
        Path run = copy("run-b");
        Path trials = run.resolve("trials.csv");
        // tasks=8 measured exactly as fast as tasks=4: their intervals overlap
        List<String> lines = Files.readAllLines(trials);
        List<String> four = lines.stream().filter(l -> l.contains(",tasks=4,")).toList();
        List<String> tied = new ArrayList<>(lines.stream().filter(l -> !l.contains(",tasks=8,")).toList());
        four.forEach(l -> tied.add(l.replace(",tasks=4,", ",tasks=8,")));
        Files.write(trials, tied);

        JsonNode platform = JSON.readTree(print("report", "--format", "json", run.toString())).at("/platforms/0");

        assertThat(platform.get("distinguishable").asBoolean()).isFalse();
        assertThat(platform.get("tied")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("migbench tasks=4", "migbench tasks=8");
        assertThat(platform.get("ranking").asText()).contains("are not distinguishable (overlapping");
    }

    @Test
    void aCompareWithRunHasEachSourcesBestBesideTheMainSourcesFindings() throws Exception {
        JsonNode platform = JSON.readTree(print("report", "--format", "json", copy("compare-with").toString()))
                .at("/platforms/0");

        assertThat(platform.get("best").asText()).isEqualTo("migbench t2");
        assertThat(platform.at("/best_rows_per_second/median").asDouble()).as("of the main source, SQL Server")
                .isEqualTo(99563.2);
        JsonNode sources = platform.get("sources");
        assertThat(sources).extracting(s -> s.get("source_engine").asText()).containsExactly("sqlserver", "postgresql");
        assertThat(sources.get(0).get("best").asText()).isEqualTo("migbench t2");
        assertThat(sources.at("/0/rows_per_second/median").asDouble()).isEqualTo(99563.2);
        assertThat(sources.at("/0/ratio_to_fastest").asDouble()).isEqualTo(0.45);
        assertThat(sources.at("/0/distinguishable_from_fastest").asBoolean()).isTrue();
        assertThat(sources.at("/1/rows_per_second/median").asDouble()).isEqualTo(221346.0);
        assertThat(sources.at("/1/ratio_to_fastest").asDouble()).isEqualTo(1.0);
        assertThat(sources.at("/1/distinguishable_from_fastest").isNull()).as("the fastest source itself").isTrue();
    }

    @Test
    void aRunOfOneSourceHasNoSourceEntries() throws Exception {
        JsonNode platform = JSON.readTree(print("report", "--format", "json", copy("run-a").toString())).at("/platforms/0");

        assertThat(platform.get("sources")).isEmpty();
    }

    @Test
    void jsonFormatWritesNothingAndRejectsOptionsThatOnlyMarkdownUses() throws Exception {
        Path run = copy("run-a");
        assertThat(JSON.readTree(print("report", "--format", "json", run.toString())).at("/platforms/0/platform")
                .asText()).isEqualTo("small");
        assertThat(run.resolve("REPORT.md")).doesNotExist();
        assertThat(run.resolve("summary.json")).doesNotExist();

        assertThat(usageError("report", "--format", "xml", run.toString())).contains("--format").contains("xml");
        assertThat(usageError("report", "--format", "json", "--out", work.resolve("x").toString(), run.toString()))
                .contains("--out");
    }

    private String usageError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(MigbenchCli.execute(cli, args)).as("exit code of %s", List.of(args)).isEqualTo(2);
        return err.toString();
    }

    private static String print(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(MigbenchCli.execute(cli, args)).isZero();
        return out.toString();
    }

    private static JsonNode find(JsonNode configurations, String name) {
        for (JsonNode c : configurations) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no configuration " + name + " in " + configurations);
    }

    private Path copy(String run) throws IOException {
        return ReportFixture.copy(work, run);
    }
}
