package io.migbench.harness.results;

import io.migbench.harness.model.EngineKind;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The columns of {@code tables.csv}, in file order (documented in docs/results-csv.md). */
public enum TableColumn {
    RUN_ID("run_id", "run the trial belongs to", TableRecord::runId),
    PLATFORM("platform", "platform profile name", TableRecord::platform),
    SOURCE_ENGINE("source_engine", "source database engine of the trial", TableRecord::sourceEngine),
    ENGINE("engine", "tool that moved the data", TableRecord::engine),
    SETTINGS_LABEL("settings_label", "configuration of the trial", TableRecord::settingsLabel),
    TRIAL("trial", "trial number", TableRecord::trial),
    WARMUP("warmup", "true for a warmup trial", TableRecord::warmup),
    SCHEMA("schema", "source schema of the table", TableRecord::schema),
    TABLE("table", "table name", TableRecord::table),
    ROWS("rows", "rows copied", TableRecord::rows),
    BYTES("bytes", "bytes copied, or the table's size in the source", TableRecord::bytes),
    SECONDS("seconds", "seconds from the table's first to its last partition", TableRecord::seconds),
    ROWS_PER_S("rows_per_s", "rows / seconds", TableRecord::rowsPerSecond),
    PARTITIONS("partitions", "partitions the table was split into", TableRecord::partitions),
    SOURCE_ROWS("source_rows", "rows counted in the source", TableRecord::sourceRows),
    TARGET_ROWS("target_rows", "rows counted in the target", TableRecord::targetRows),
    MATCH("match", "true when source and target counts agree (empty: not compared)", TableRecord::match),
    CHECKSUM("checksum", "passed | failed | skipped", TableRecord::checksum);

    private final String header;
    private final String description;
    private final Function<TableRecord, Object> value;

    TableColumn(String header, String description, Function<TableRecord, Object> value) {
        this.header = header;
        this.description = description;
        this.value = value;
    }

    public String header() {
        return header;
    }

    public String description() {
        return description;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(TableColumn::header).toList();
    }

    static List<Object> cells(TableRecord t) {
        return Arrays.stream(values()).map(c -> c.value.apply(t)).toList();
    }

    static TableRecord read(CsvRow r) {
        try {
            return new TableRecord(r.required(RUN_ID.header), r.required(PLATFORM.header), r.required(SOURCE_ENGINE.header),
                    r.code(ENGINE.header, EngineKind.class), r.required(SETTINGS_LABEL.header),
                    r.intValue(TRIAL.header), r.bool(WARMUP.header), r.text(SCHEMA.header), r.required(TABLE.header),
                    r.optionalLong(ROWS.header), r.optionalLong(BYTES.header), r.optionalDouble(SECONDS.header),
                    r.optionalDouble(ROWS_PER_S.header), r.optionalInt(PARTITIONS.header),
                    r.optionalLong(SOURCE_ROWS.header), r.optionalLong(TARGET_ROWS.header),
                    r.optionalBool(MATCH.header), r.code(CHECKSUM.header, ValidationResult.class));
        } catch (ResultsFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(r.where() + ": " + e.getMessage(), e);
        }
    }
}
