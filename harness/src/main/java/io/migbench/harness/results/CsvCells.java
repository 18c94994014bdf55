package io.migbench.harness.results;

import io.migbench.harness.model.CsvCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** How values are written to a CSV cell: empty for unknown, plain decimals, ISO-8601 instants, enum codes. */
final class CsvCells {
    /** Decimal places kept for seconds and throughputs: a millisecond, a thousandth of a row. */
    private static final int DECIMALS = 3;

    private CsvCells() {}

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
        if (value instanceof CsvCode c) {
            return c.code();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString();
    }
}
