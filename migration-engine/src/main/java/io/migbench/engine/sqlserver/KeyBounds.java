package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.CanonicalText;
import io.migbench.engine.copy.binary.PgColumnType;
import io.migbench.engine.copy.binary.PgEpoch;
import io.migbench.engine.sqlserver.SqlServerSchema.Column;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Split-key bounds of SQL Server tables, kept as the target column's PostgreSQL text so that the engine's range
 * predicates ({@link io.migbench.engine.plan.RangeSql}) select in the target exactly the rows a range read from the
 * source, and turned back into typed parameters for the SQL Server side.
 *
 * <p>Only key types that order the same in both databases and arrive in the target unchanged qualify: integers,
 * exact decimals of unchanged scale, {@code date}, {@code datetime2} and {@code smalldatetime}. Strings (collations
 * differ), {@code uniqueidentifier} (SQL Server orders its bytes in another sequence), {@code datetime} (1/300 s
 * ticks rounded to milliseconds) and floats do not: tables keyed by them are copied whole.
 */
final class KeyBounds {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "int", "bigint");
    private static final Set<String> DECIMALS = Set.of("decimal", "numeric", "money", "smallmoney");
    private static final Set<String> TIMESTAMPS = Set.of("datetime2", "smalldatetime");

    private KeyBounds() {}

    /** Whether ranges of this key column mean the same rows in SQL Server and in its PostgreSQL copy. */
    static boolean orderSafe(Column c) {
        String source = c.sourceType().name();
        PgColumnType target = c.targetType();
        return switch (target.kind()) {
            case INT2, INT4, INT8 -> INTEGERS.contains(source);
            case NUMERIC -> DECIMALS.contains(source)
                    && (target.scale() == -1 || target.scale() == (source.endsWith("money") ? 4 : c.sourceType().scale()));
            case DATE -> source.equals("date");
            // datetime2(7) is cut to microseconds: bounds sit on that grid, so x < bound holds before and after the cut
            case TIMESTAMP -> TIMESTAMPS.contains(source);
            default -> false;
        };
    }

    /** The key value as the target column's {@code ::text} (the value read by {@link SqlServerRangeReader#readValue}). */
    static String text(Object value, PgColumnType type) {
        StringBuilder sb = new StringBuilder(32);
        switch (type.kind()) {
            case INT2, INT4, INT8 -> CanonicalText.appendLong(sb, ((Number) value).longValue());
            case NUMERIC -> CanonicalText.appendNumeric(sb, (BigDecimal) value, type.scale());
            case DATE -> CanonicalText.appendDate(sb, PgEpoch.days((LocalDate) value));
            case TIMESTAMP -> CanonicalText.appendTimestamp(sb,
                    PgEpoch.roundToPrecision(PgEpoch.micros((LocalDateTime) value), type.precision()));
            default -> throw unsupported(type);
        }
        return sb.toString();
    }

    /** The bound as the SQL Server parameter it compares with. */
    static Object value(String text, PgColumnType type) {
        return switch (type.kind()) {
            case INT2, INT4 -> Integer.valueOf(text);
            case INT8 -> Long.valueOf(text);
            case NUMERIC -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
            default -> throw unsupported(type);
        };
    }

    private static IllegalStateException unsupported(PgColumnType type) {
        return new IllegalStateException("no range bounds for key type " + type.sql());
    }
}
