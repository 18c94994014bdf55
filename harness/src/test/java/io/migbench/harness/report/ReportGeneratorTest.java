package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.cli.MigbenchCli;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;
import io.migbench.harness.tune.Verdict;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Renders reports from the fixed CSVs under src/test/resources/report-fixture. The expected compare report is
 * REPORT.golden.md there; after an intended change, regenerate it with
 * {@code MIGBENCH_UPDATE_GOLDEN=1 mvn -B -q -pl harness -am test -Dtest=ReportGeneratorTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and review the diff.
 */
class ReportGeneratorTest {
    private static final Path FIXTURE = ReportFixture.DIR;
    private static final Path GOLDEN = FIXTURE.resolve("REPORT.golden.md");

    @TempDir
    Path work;

    @Test
    void compareReportMatchesTheGoldenFile() throws Exception {
        Path out = work.resolve("compare");
        Path report = ReportGenerator.generate(List.of(copy("run-a"), copy("run-b")), out, null);
        String text = Files.readString(report, StandardCharsets.UTF_8);

        if (System.getenv("MIGBENCH_UPDATE_GOLDEN") != null) {
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertThat(text).as("REPORT.md equals %s", GOLDEN).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void twoHostsBecomeOnePlatformRowEachWithTheirOwnOptimum() throws Exception {
        Path report = ReportGenerator.generate(List.of(copy("run-a"), copy("run-b")), work.resolve("c"), null);
        List<String> platformRows = section(report, "## Key finding").stream()
                .filter(l -> l.startsWith("| small @")).toList();

        assertThat(platformRows).as("one row per host").hasSize(2);
        assertThat(platformRows.get(0)).startsWith("| small @ laptop (native, 8 cores) | 8 |");
        assertThat(platformRows.get(1)).startsWith("| small @ wsl-box (wsl2, 16 cores) | 4 |");
        assertThat(Files.readString(report)).as("key finding computed from the data")
                .contains("on small @ wsl-box (wsl2, 16 cores) (durability unknown), 4 tasks ran fastest")
                .contains("16 tasks ran 3.05× slower");
    }

    @Test
    void recommendedSettingsAreATunedFileThatSettingsReads() throws Exception {
        Path report = ReportGenerator.generate(List.of(copy("run-a")), work.resolve("r"), null);
        String text = Files.readString(report);
        String yaml = text.substring(text.indexOf("```yaml\n", text.indexOf("## Recommended settings")) + 8);
        Path tuned = Files.writeString(work.resolve("tuned.yaml"), yaml.substring(0, yaml.indexOf("```")));

        List<PlatformRecommendation> read = TunedSettingsFile.read(tuned);

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.platform()).isEqualTo("small");
            assertThat(r.settings().tasks()).isEqualTo(8);
            assertThat(r.settings().partitions()).isEqualTo(16);
            assertThat(r.targetSettings()).as("the target server settings the best configuration ran with")
                    .containsEntry("shared_buffers", "512MB").containsEntry("max_wal_size", "4GB");
            assertThat(r.provenance().verdict()).isEqualTo(Verdict.DISTINGUISHABLE);
        });
    }

    @Test
    void failedTrialIsListedAndNotCounted() throws Exception {
        Path report = ReportGenerator.generate(List.of(copy("run-a")), work.resolve("a"), null);
        String text = Files.readString(report);

        assertThat(section(report, "### Failed trials")).as("failed trial row")
                .anyMatch(l -> l.startsWith("| laptop/small | migbench | tasks=16 | 4 |") && l.contains("57P01"));
        assertThat(text).contains("These trials are **FAILED**");
        assertThat(section(report, "### All configurations")).as("3 measured + 1 failed, median of 9.0/9.2/9.3 s = 108,696 rows/s")
                .anyMatch(l -> l.startsWith("| small@laptop | postgresql | migbench | tasks=16 | 3 (+1 failed) | 108,696 |"));
    }

    @Test
    void chartsArePngsOfTheExpectedSize() throws Exception {
        Path out = copy("run-b");
        ReportGenerator.generate(List.of(out), out, null);

        List<Path> pngs;
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            pngs = s.sorted().toList();
        }
        assertThat(pngs).extracting(p -> p.getFileName().toString()).containsExactly(
                "engine-comparison.png", "mb-per-second-vs-tasks.png", "per-table-throughput.png", "phase-breakdown.png",
                "throughput-vs-tasks.png");
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as("%s decodes as an image", png).isNotNull();
            assertThat(image.getWidth()).as("width of %s", png).isEqualTo(ChartRenderer.WIDTH);
            assertThat(image.getHeight()).as("height of %s", png).isEqualTo(ChartRenderer.HEIGHT);
        }
        assertThat(Files.readString(out.resolve("REPORT.md"))).contains("![", "](charts/throughput-vs-tasks.png)");
    }

    @Test
    void reportCommandNamesTheMissingColumnAndExitsWithUsageCode() throws Exception {
        Path run = copy("run-a");
        Path trials = run.resolve("trials.csv");
        List<String> lines = Files.readAllLines(trials);
        Files.write(trials, lines.stream().map(l -> l.replaceFirst("^([^,]*),[^,]*,", "$1,")).toList());

        StringWriter err = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("report", run.toString());

        assertThat(code).as("bad input is a usage error").isEqualTo(2);
        assertThat(err.toString()).contains("trials.csv").contains("missing column 'timestamp'");
        assertThat(run.resolve("REPORT.md")).as("no report from bad data").doesNotExist();
    }

    @Test
    void templatesCanBeOverriddenFromADirectory() throws Exception {
        Path templates = work.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("report.md.mustache"), "Finding: {{keyFinding}}\n");
        Path run = copy("run-a");

        int code = MigbenchCli.newCommandLine().execute("report", run.toString(), "--templates", templates.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(run.resolve("REPORT.md"))).startsWith("Finding: On small @ laptop");
    }

    private Path copy(String run) throws IOException {
        return ReportFixture.copy(work, run);
    }

    /** Lines from a heading to the next heading of any level. */
    private static List<String> section(Path report, String heading) throws IOException {
        List<String> lines = Files.readAllLines(report);
        int start = lines.indexOf(heading);
        assertThat(start).as("heading %s present", heading).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        return lines.subList(start, end);
    }
}
