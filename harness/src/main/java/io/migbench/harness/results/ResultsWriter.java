package io.migbench.harness.results;

import io.migbench.engine.internal.Redaction;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Appends trial and table rows to {@code <runDir>/trials.csv} and {@code <runDir>/tables.csv}. Every row is
 * flushed as soon as it is written, so a crash loses nothing already measured; re-opening a run folder
 * appends to its files (the header is written once, and an existing header must match). Thread-safe.
 * Text cells pass through {@link Redaction#redactUrl} so a password in a URL never reaches a file.
 */
public final class ResultsWriter implements Closeable {
    public static final String TRIALS_FILE = "trials.csv";
    public static final String TABLES_FILE = "tables.csv";

    private final CSVPrinter trials;
    private final CSVPrinter tables;
    private int trialsWritten;

    private ResultsWriter(CSVPrinter trials, CSVPrinter tables) {
        this.trials = trials;
        this.tables = tables;
    }

    /** Opens (creating if needed) the run folder's CSVs for appending. */
    public static ResultsWriter open(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        CSVPrinter trials = printer(runDir.resolve(TRIALS_FILE), TrialColumn.headers());
        try {
            return new ResultsWriter(trials, printer(runDir.resolve(TABLES_FILE), TableColumn.headers()));
        } catch (IOException | RuntimeException e) {
            trials.close();
            throw e;
        }
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            List<String> existing = ResultsReader.header(file);
            if (!existing.equals(header)) {
                throw new ResultsFormatException(file + ": cannot append, its header differs from this migbench "
                        + "version's columns; start a new run folder (expected " + String.join(",", header) + ")");
            }
        }
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        CSVPrinter printer = new CSVPrinter(out, format);
        if (fresh) {
            printer.printRecord(header);
            printer.flush();
        }
        return printer;
    }

    public synchronized void writeTrial(TrialRecord trial) {
        write(trials, TrialColumn.cells(trial));
        trialsWritten++;
    }

    /** Trial rows written through this writer. */
    public synchronized int trialsWritten() {
        return trialsWritten;
    }

    public synchronized void writeTable(TableRecord table) {
        write(tables, TableColumn.cells(table));
    }

    private static void write(CSVPrinter printer, List<Object> cells) {
        try {
            printer.printRecord(cells.stream().map(c -> Redaction.redactUrl(CsvCells.format(c))).toList());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not append a results row: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            trials.close();
        } finally {
            tables.close();
        }
    }
}
