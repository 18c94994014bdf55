package io.migbench.engine.copy.binary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions from java.time values to PostgreSQL's binary temporal representation (days and microseconds
 * since 2000-01-01), without allocation.
 *
 * <p>Sub-microsecond digits (SQL Server {@code time(7)}, {@code datetime2(7)}, {@code datetimeoffset(7)} carry
 * 100 ns ticks) are <b>truncated</b>, not rounded: truncation never moves a value to the next second, day or
 * year (9999-12-31 23:59:59.9999999 stays in 9999) and matches {@code truncatedTo(MICROS)}. PostgreSQL then
 * rounds the microseconds to the column's own precision, which {@link #roundToPrecision} mirrors.
 */
public final class PgEpoch {
    /** 2000-01-01 as days since 1970-01-01. */
    public static final long PG_EPOCH_DAY = 10_957L;
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400L;
    private static final long[] SCALES = {1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L};

    private PgEpoch() {}

    public static int days(LocalDate date) {
        return (int) (date.toEpochDay() - PG_EPOCH_DAY);
    }

    public static long micros(LocalTime time) {
        return time.toNanoOfDay() / 1_000L;
    }

    public static long micros(LocalDateTime timestamp) {
        return (timestamp.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECOND) * 1_000_000L + timestamp.getNano() / 1_000;
    }

    /** The instant in UTC, whatever the value's offset (PostgreSQL timestamptz stores instants). */
    public static long micros(OffsetDateTime timestamp) {
        return (timestamp.toEpochSecond() - PG_EPOCH_SECOND) * 1_000_000L + timestamp.getNano() / 1_000;
    }

    /**
     * PostgreSQL's rounding of microseconds to a column precision 0..6 (AdjustTimestampForTypmod:
     * half away from zero); precision -1 (unconstrained) leaves the value as is.
     */
    public static long roundToPrecision(long micros, int precision) {
        if (precision < 0 || precision >= 6) {
            return micros;
        }
        long scale = SCALES[precision];
        long half = scale / 2;
        return micros >= 0 ? ((micros + half) / scale) * scale : -(((-micros + half) / scale) * scale);
    }
}
