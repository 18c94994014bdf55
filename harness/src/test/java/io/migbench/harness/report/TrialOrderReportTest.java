package io.migbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.results.TrialFixtures;
import io.migbench.harness.scenario.TrialOrder;
import io.migbench.harness.sweep.TrialSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The method section's "Trial order" line says how the trials really ran, also over several runs: read back from
 * the round and order columns of the recorded {@code source.compare_with} sweep of src/test/resources/report-fixture
 * (both sources' points in the same rounds), and of trials.csv files written in the order {@link TrialSchedule}
 * gives a compare_with sweep.
 */
class TrialOrderReportTest {
    private static final String INTERLEAVED = "interleaved: rounds over every point, each round in a seeded random order";
    private static final String BOTH_SOURCES = "; the sqlserver and postgresql sources' points in the same rounds";

    /** A compare_with sweep's points: migbench on the main source (t1 the baseline) and on the compared source. */
    private record Point(String source, int tasks) {}

    private static final List<Point> POINTS = List.of(new Point("sqlserver", 1), new Point("sqlserver", 2),
            new Point("postgresql", 1), new Point("postgresql", 2));

    @TempDir
    Path work;

    @Test
    void aCompareWithSweepIsInterleavedWithBothSourcesInTheSameRounds() throws IOException {
        assertThat(trialOrder(ReportFixture.copy(work, "compare-with"))).isEqualTo(INTERLEAVED + BOTH_SOURCES);
    }

    @Test
    void twoInterleavedFoldersOfOnePlatformMergedStayInterleaved() throws IOException {
        Path first = ReportFixture.copy(work, "compare-with");
        Path second = Files.createDirectories(work.resolve("results/compare-with-again"));
        Files.copy(first.resolve("trials.csv"), second.resolve("trials.csv"));

        assertThat(trialOrder(first, second)).as("each folder's rounds start again at round 1")
                .isEqualTo(INTERLEAVED + BOTH_SOURCES + "; merged from 2 sweeps of a platform, each with its own rounds");
    }

    @Test
    void aFolderTwoInterleavedSweepsAppendedToStaysInterleaved() throws IOException {
        Path run = ReportFixture.copy(work, "compare-with");
        Path trials = run.resolve("trials.csv");
        List<String> lines = Files.readAllLines(trials);
        List<String> twice = new ArrayList<>(lines);
        twice.addAll(lines.subList(1, lines.size()));
        Files.write(trials, twice);

        assertThat(trialOrder(run)).as("a second sweep with the same --run-id appends its rounds from round 1")
                .isEqualTo(INTERLEAVED + BOTH_SOURCES + "; merged from 2 sweeps of a platform, each with its own rounds");
    }

    @Test
    void anInterleavedScheduleOverBothSourcesIsInterleaved() throws IOException {
        assertThat(trialOrder(sweep("interleaved", TrialOrder.Mode.INTERLEAVED))).isEqualTo(INTERLEAVED + BOTH_SOURCES);
    }

    @Test
    void aBlockedScheduleOverBothSourcesIsBlocked() throws IOException {
        assertThat(trialOrder(sweep("blocked", TrialOrder.Mode.BLOCKED)))
                .isEqualTo("blocked: each point's trials back to back");
    }

    @Test
    void anInterleavedAndABlockedSweepMergedAreToldApart() throws IOException {
        assertThat(trialOrder(sweep("interleaved", TrialOrder.Mode.INTERLEAVED), sweep("blocked", TrialOrder.Mode.BLOCKED)))
                .isEqualTo("mixed, per sweep of a platform: 1 interleaved (rounds over every point, each round in a "
                        + "seeded random order), 1 blocked (each point's trials back to back)");
    }

    @Test
    void twoInterleavedRunsReportedTogetherAreInterleaved() throws Exception {
        Path a = interleavedRun("run-a");
        Path b = interleavedRun("run-b");

        String report = Files.readString(ReportGenerator.generate(List.of(a, b), work.resolve("both"), null));

        assertThat(report).contains("| Trial order | interleaved: rounds over every point");
    }

    @Test
    void pointsMeasuredBackToBackAreBlocked() throws Exception {
        Path run = work.resolve("blocked");
        try (ResultsWriter w = ResultsWriter.open(run)) {
            int order = 0;
            for (String point : List.of("tasks=1", "tasks=2")) {
                for (int round = 1; round <= 2; round++) {
                    w.writeTrial(TrialFixtures.trial().runId("blocked").settingsLabel(point).trial(round)
                            .position(round, ++order).build());
                }
            }
        }

        String report = Files.readString(ReportGenerator.generate(List.of(run), run, null));

        assertThat(report).contains("| Trial order | blocked: each point's trials back to back |");
    }

    /** Rounds 1 and 2, each over both points, numbered through both rounds. */
    private Path interleavedRun(String runId) throws Exception {
        Path run = work.resolve(runId);
        try (ResultsWriter w = ResultsWriter.open(run)) {
            int order = 0;
            for (int round = 1; round <= 2; round++) {
                for (String point : List.of("tasks=1", "tasks=2")) {
                    w.writeTrial(TrialFixtures.trial().runId(runId).settingsLabel(point).trial(round)
                            .position(round, ++order).build());
                }
            }
        }
        return run;
    }

    /** A run folder with the trials of {@link #POINTS} in the order a sweep runs them: 1 warmup, 3 trials each. */
    private Path sweep(String runId, TrialOrder.Mode mode) throws IOException {
        Path dir = work.resolve("results").resolve(runId);
        try (ResultsWriter out = ResultsWriter.open(dir)) {
            for (TrialSchedule.Entry<Point> e : TrialSchedule.of(POINTS, 1, 3, new TrialOrder(mode, 7))) {
                Point p = e.point();
                out.writeTrial(TrialFixtures.trial().runId(runId).sourceEngine(p.source())
                        .settingsLabel("migbench t" + p.tasks()).tasks(p.tasks())
                        .baseline(p.source().equals("sqlserver") && p.tasks() == 1)
                        .trial(e.slot().trial()).warmup(e.slot().warmup()).position(e.slot().round(), e.slot().order())
                        .build());
            }
        }
        return dir;
    }

    private String trialOrder(Path... runs) throws IOException {
        Path report = ReportGenerator.generate(List.of(runs), work.resolve("report"), null);
        String prefix = "| Trial order | ";
        return Files.readAllLines(report).stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length(), l.length() - " |".length())).orElseThrow();
    }
}
