package io.migbench.harness.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code source_tables.csv}: the source's tables and sizes per platform, appended once per platform session. */
public final class SourceTablesFile {
    public static final String FILE = "source_tables.csv";
    static final List<String> HEADER = List.of("platform", "schema", "table", "rows", "table_bytes", "index_bytes",
            "copied", "fraction");
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private SourceTablesFile() {}

    public static synchronized void append(Path runDir, List<SourceTable> tables) throws IOException {
        Path file = runDir.resolve(FILE);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            if (fresh) {
                printer.printRecord(HEADER);
            }
            for (SourceTable t : tables) {
                printer.printRecord(t.platform(), t.schema(), t.table(), t.rows(), t.tableBytes(), t.indexBytes(),
                        t.copied(), t.fraction());
            }
        }
    }

    /** The file's rows, or none when the folder has no such file (a run from before it existed). */
    public static List<SourceTable> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<SourceTable> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, READ)) {
            for (CSVRecord r : parser) {
                try {
                    out.add(new SourceTable(r.get("platform"), r.get("schema"), r.get("table"), Long.parseLong(r.get("rows")),
                            Long.parseLong(r.get("table_bytes")), Long.parseLong(r.get("index_bytes")),
                            Boolean.parseBoolean(r.get("copied")), Double.parseDouble(r.get("fraction"))));
                } catch (IllegalArgumentException e) {
                    throw new ResultsFormatException(file + ":" + parser.getCurrentLineNumber() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }
}
