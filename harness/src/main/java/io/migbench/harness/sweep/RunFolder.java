package io.migbench.harness.sweep;

import io.migbench.harness.results.EnvironmentFacts;
import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A results folder being written by a sweep or a tune: the scenario as run, the CSV writer, this host's facts,
 * and a scratch folder for the databases, removed on close.
 */
public final class RunFolder implements AutoCloseable {
    private final Path dir;
    private final boolean created;
    private final ResultsWriter writer;
    private final EnvironmentFacts host;

    private RunFolder(Path dir, boolean created, ResultsWriter writer, EnvironmentFacts host) {
        this.dir = dir;
        this.created = created;
        this.writer = writer;
        this.host = host;
    }

    public static RunFolder create(Path dir, Scenario scenario) throws IOException {
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        ScenarioWriter.write(scenario, dir.resolve("scenario.yaml"));
        return new RunFolder(dir, created, ResultsWriter.open(dir), EnvironmentFacts.detect());
    }

    public Path dir() {
        return dir;
    }

    public String runId() {
        return dir.getFileName().toString();
    }

    public ResultsWriter writer() {
        return writer;
    }

    public EnvironmentFacts host() {
        return host;
    }

    /** Where backends put data directories and sockets for this run. */
    public Path scratch() {
        return dir.resolve(".tmp");
    }

    /** Closes the CSVs and removes the scratch folder; a folder this run created and never wrote a trial to goes too. */
    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            delete(created && writer.trialsWritten() == 0 ? dir : scratch());
        }
    }

    private static void delete(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
