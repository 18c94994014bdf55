package io.migbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The fixed run folders of src/test/resources/report-fixture (run-a: host laptop, run-b: host wsl-box). */
public final class ReportFixture {
    public static final Path DIR = Path.of("src/test/resources/report-fixture");

    private ReportFixture() {}

    /** A copy of the run's CSVs at {@code work/results/<run>}, for a test to write reports into or alter. */
    public static Path copy(Path work, String run) throws IOException {
        Path to = work.resolve("results").resolve(run);
        Files.createDirectories(to);
        for (String f : List.of("trials.csv", "tables.csv")) {
            Files.copy(DIR.resolve(run).resolve(f), to.resolve(f));
        }
        return to;
    }
}
