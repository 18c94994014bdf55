package io.migbench.harness.results;

import io.migbench.harness.model.CsvCode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/** Typed access to one CSV record; every parse error names file, line, column and the offending text. */
final class CsvRow {
    private final Path file;
    private final CSVRecord record;

    CsvRow(Path file, CSVRecord record) {
        this.file = file;
        this.record = record;
    }

    /** "file:line", the line of the record in the file (the header is line 1). */
    String where() {
        return file + ":" + (record.getRecordNumber() + 1);
    }

    /** The cell, or {@code absent} when the file predates the column. */
    String textOr(String column, String absent) {
        return record.isMapped(column) ? text(column) : absent;
    }

    /** The cell's text; empty when the cell or the whole column (an optional one, in an older file) is missing. */
    String text(String column) {
        if (!record.isMapped(column)) {
            return "";
        }
        String v = record.get(column);
        return v == null ? "" : v;
    }

    String required(String column) {
        String v = text(column);
        if (v.isBlank()) {
            throw error(column, v, "must not be empty");
        }
        return v;
    }

    Long optionalLong(String column) {
        return parse(column, Long::parseLong, "is not a whole number");
    }

    long longValue(String column) {
        return requiredValue(column, optionalLong(column));
    }

    Integer optionalInt(String column) {
        return parse(column, Integer::parseInt, "is not a whole number");
    }

    int intValue(String column) {
        return requiredValue(column, optionalInt(column));
    }

    Double optionalDouble(String column) {
        return parse(column, Double::parseDouble, "is not a number");
    }

    double doubleValue(String column) {
        return requiredValue(column, optionalDouble(column));
    }

    boolean bool(String column) {
        String v = text(column).trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw error(column, v, "is not true or false");
    }

    Boolean optionalBool(String column) {
        return text(column).isBlank() ? null : bool(column);
    }

    Instant instant(String column) {
        return requiredValue(column, parse(column, Instant::parse, "is not an ISO-8601 instant"));
    }

    <E extends Enum<E> & CsvCode> E code(String column, Class<E> type) {
        String v = text(column);
        try {
            return CsvCode.parse(type, v);
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(where() + ": column '" + column + "': " + e.getMessage());
        }
    }

    private <T> T requiredValue(String column, T value) {
        if (value == null) {
            throw error(column, "", "must not be empty");
        }
        return value;
    }

    private <T> T parse(String column, Function<String, T> parser, String problem) {
        String v = text(column).trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw error(column, v, problem);
        }
    }

    ResultsFormatException error(String column, String value, String problem) {
        return new ResultsFormatException(where() + ": column '" + column + "': '" + value + "' " + problem);
    }
}
