package io.migbench.harness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    @TempDir
    Path dir;

    @Test
    void trialAndTableRowsSurviveAWriteReadRoundTrip() throws Exception {
        TrialRecord trial = TrialFixtures.trial().baseline(true).build();
        TableRecord table = TableRecord.of(trial, "public", "votes", 600_000L, 10_000_000L, 4.0, 8,
                600_000L, 600_000L, ValidationResult.PASSED);
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(trial);
            w.writeTable(table);
        }

        List<TrialResult> read = ResultsReader.read(dir);

        assertThat(read).hasSize(1);
        assertThat(read.get(0).trial()).as("every trial column round-trips").isEqualTo(trial);
        assertThat(read.get(0).tables()).as("table joined to its trial").containsExactly(table);
        assertThat(read.get(0).trial().rowsPerSecond()).as("derived rows/s").isEqualTo(100_000.0);
        assertThat(read.get(0).trial().mbPerSecond()).as("derived MB/s").isEqualTo(25.0);
        assertThat(table.match()).as("match derived from counts").isTrue();
    }

    @Test
    void resourceColumnsRoundTripAndAFileWithoutThemReadsAsUnknown() throws Exception {
        ResourceUsage usage = new ResourceUsage(1.25, 3.5, 2.0, 0L, 8192L, 4096L, 90_000_000L, 60_000_000L,
                new WaitProfile(20, java.util.Map.of("Client/ClientWrite", 0.75, "CPU", 0.25)),
                new WaitProfile(40, java.util.Map.of("CPU", 0.6, "LWLock/WALWrite", 0.3, "IO/DataFileExtend", 0.1)),
                "target cpu/io: /proc process tree (approximate)");
        TrialRecord trial = TrialFixtures.trial().resources(usage).build();
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(trial);
        }
        assertThat(ResultsReader.read(dir).get(0).trial().resources()).as("resource columns round-trip").isEqualTo(usage);

        Path older = dir.resolve("older");
        try (ResultsWriter w = ResultsWriter.open(older)) {
            w.writeTrial(trial);
        }
        List<String> headers = TrialColumn.headers();
        int first = headers.indexOf("source_cpu_s");
        int last = headers.indexOf("resource_notes");
        List<String> cut = Files.readAllLines(older.resolve("trials.csv")).stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",", -1)));
            cells.subList(first, last + 1).clear();
            return String.join(",", cells);
        }).toList();
        Files.write(older.resolve("trials.csv"), cut, StandardCharsets.UTF_8);

        TrialRecord read = ResultsReader.read(older).get(0).trial();
        assertThat(read.resources()).as("a CSV from before the resource columns").isEqualTo(ResourceUsage.UNKNOWN);
        assertThat(read.rows()).as("the other columns still read").isEqualTo(trial.rows());
    }

    @Test
    void reopeningARunFolderAppendsWithoutASecondHeader() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().trial(1).build());
        }
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().trial(2).build());
        }

        List<String> lines = Files.readAllLines(dir.resolve("trials.csv"));
        assertThat(lines).as("header + two rows").hasSize(3);
        assertThat(lines.stream().filter(l -> l.startsWith("run_id,"))).as("header lines").hasSize(1);
        assertThat(ResultsReader.read(dir)).extracting(r -> r.trial().trial()).containsExactly(1, 2);
    }

    @Test
    void rowsAreOnDiskBeforeTheWriterIsClosed() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().build());
            assertThat(Files.readAllLines(dir.resolve("trials.csv"))).as("flushed per row").hasSize(2);
        }
    }

    @Test
    void failedTrialIsReadBackAsFailedWithItsReason() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().rows(null).phases(null, null, null, null, null)
                    .validation(ValidationMode.COUNT, ValidationResult.SKIPPED)
                    .failed("target ran out of memory at votes [0, 1000)").build());
        }
        TrialRecord back = ResultsReader.read(dir).get(0).trial();
        assertThat(back.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(back.isMeasured()).as("never counted").isFalse();
        assertThat(back.error()).contains("out of memory");
        assertThat(back.rowsPerSecond()).as("no invented throughput").isNull();
    }

    @Test
    void passwordsInUrlsNeverReachTheFile() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().rows(null).phases(null, null, null, null, null)
                    .failed("cannot connect to jdbc:postgresql://db/so?user=me&password=hunter2").build());
        }
        String csv = Files.readString(dir.resolve("trials.csv"));
        assertThat(csv).doesNotContain("hunter2").contains("password=****");
    }

    @Test
    void missingColumnIsNamedWithTheFile() throws Exception {
        writeTrialsWithout("copy_s");
        assertThatThrownBy(() -> ResultsReader.read(dir))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("trials.csv")
                .hasMessageContaining("missing column 'copy_s'");
    }

    @Test
    void toolVersionsSurviveTheRoundTripAndOlderFilesReadAsUnknown() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().tool("0.1.0 (commit abc1234)", "17.0.15 (Debian)").build());
        }
        assertThat(ResultsReader.read(dir)).singleElement().satisfies(r -> {
            assertThat(r.trial().migbenchVersion()).isEqualTo("0.1.0 (commit abc1234)");
            assertThat(r.trial().javaVersion()).isEqualTo("17.0.15 (Debian)");
        });

        Files.delete(dir.resolve("trials.csv"));
        writeTrialsWithout("java_version");
        Path file = dir.resolve("trials.csv");
        List<String> lines = Files.readAllLines(file);
        int index = lines.get(0).split(",", -1).length - 1;
        assertThat(lines.get(0).split(",", -1)[index]).isEqualTo("migbench_version");
        Files.write(file, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList(), StandardCharsets.UTF_8);

        assertThat(ResultsReader.read(dir)).as("a file from before the columns").singleElement().satisfies(r -> {
            assertThat(r.trial().migbenchVersion()).isEqualTo("unknown");
            assertThat(r.trial().javaVersion()).isEqualTo("unknown");
        });
    }

    @Test
    void unparsableNumberIsReportedWithFileAndLine() throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().build());
            w.writeTrial(TrialFixtures.trial().trial(2).build());
        }
        Path file = dir.resolve("trials.csv");
        List<String> lines = Files.readAllLines(file);
        lines.set(2, lines.get(2).replace(",1000000,", ",12x,"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResultsReader.read(dir))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("trials.csv:3")
                .hasMessageContaining("'12x' is not a whole number");
    }

    @Test
    void contradictionsAreRejectedNamingTheColumn() {
        assertThatThrownBy(() -> TrialFixtures.trial().validation(ValidationMode.COUNT, ValidationResult.FAILED).build())
                .hasMessageContaining("validation_result=failed");
        assertThatThrownBy(() -> TrialFixtures.trial().tasks(0).build()).hasMessageContaining("tasks: must be at least 1");
        assertThatThrownBy(() -> TrialFixtures.trial().status(TrialStatus.FAILED).build())
                .hasMessageContaining("error: a failed trial must say why");
    }

    @Test
    void docsListEveryColumn() throws Exception {
        Path doc = Path.of("..", "docs", "results-csv.md");
        String text = Files.readString(doc);
        for (TrialColumn c : TrialColumn.values()) {
            assertThat(text).as("trials.csv column documented").contains("`" + c.header() + "`");
        }
        for (TableColumn c : TableColumn.values()) {
            assertThat(text).as("tables.csv column documented").contains("`" + c.header() + "`");
        }
    }

    private void writeTrialsWithout(String column) throws Exception {
        try (ResultsWriter w = ResultsWriter.open(dir)) {
            w.writeTrial(TrialFixtures.trial().build());
        }
        Path file = dir.resolve("trials.csv");
        List<String> lines = Files.readAllLines(file);
        int index = TrialColumn.headers().indexOf(column);
        List<String> cut = lines.stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(index);
            return String.join(",", cells);
        }).toList();
        Files.write(file, cut, StandardCharsets.UTF_8);
    }
}
