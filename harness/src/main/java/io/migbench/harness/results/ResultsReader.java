package io.migbench.harness.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CSVs of one or several run folders. Failed trials are kept (and marked by their status) so the
 * report can list them; the statistics skip them. Every problem is reported with file, line and column.
 */
public final class ResultsReader {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsReader.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private ResultsReader() {}

    /** All trials of the given run folders, each with its table rows, in folder then file order. */
    public static List<TrialResult> read(List<Path> runDirs) throws IOException {
        List<TrialResult> out = new ArrayList<>();
        for (Path dir : runDirs) {
            out.addAll(read(dir));
        }
        return out;
    }

    /** The trials of one run folder, each with its table rows. */
    public static List<TrialResult> read(Path runDir) throws IOException {
        Path trialsFile = runDir.resolve(ResultsWriter.TRIALS_FILE);
        if (!Files.isRegularFile(trialsFile)) {
            throw new ResultsFormatException(runDir + ": no " + ResultsWriter.TRIALS_FILE
                    + " here; pass a run folder written by migbench sweep or tune");
        }
        List<TrialRecord> trials = readRows(trialsFile, TrialColumn.requiredHeaders(), TrialColumn::read);
        Path tablesFile = runDir.resolve(ResultsWriter.TABLES_FILE);
        List<TableRecord> tables = Files.isRegularFile(tablesFile)
                ? readRows(tablesFile, TableColumn.headers(), TableColumn::read) : List.of();
        List<SourceTable> source = SourceTablesFile.read(runDir);
        List<TrialResult> out = new ArrayList<>();
        List<TableRecord> unmatched = new ArrayList<>(tables);
        for (TrialRecord t : trials) {
            List<TableRecord> own = tables.stream().filter(tb -> tb.belongsTo(t)).toList();
            unmatched.removeAll(own);
            out.add(new TrialResult(t, own, runDir,
                    CopiedShare.describe(source.stream().filter(s -> s.platform().equals(t.platform())).toList())));
        }
        if (!unmatched.isEmpty()) {
            // a crash between writing table rows and their trial row leaves these behind; they have no trial to join
            LOG.warn("{}: {} table rows belong to no trial in {} and are ignored", tablesFile, unmatched.size(),
                    ResultsWriter.TRIALS_FILE);
        }
        return out;
    }

    private static <T> List<T> readRows(Path file, List<String> expected, Function<CsvRow, T> reader)
            throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            List<String> missing = expected.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw new ResultsFormatException(file + ": missing column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
                        + " (the columns are listed in docs/results-csv.md)");
            }
            List<T> out = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    throw new ResultsFormatException(file + ":" + (record.getRecordNumber() + 1) + ": has "
                            + record.size() + " cells, the header has " + parser.getHeaderNames().size());
                }
                out.add(reader.apply(new CsvRow(file, record)));
            }
            return out;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ResultsFormatException(file + ": not a readable CSV: " + e.getMessage(), e);
        }
    }

    /** The header row of a CSV file. */
    static List<String> header(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            return parser.getHeaderNames();
        }
    }
}
