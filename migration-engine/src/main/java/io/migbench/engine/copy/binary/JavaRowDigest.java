package io.migbench.engine.copy.binary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The Java side of {@link io.migbench.engine.verify.RowDigestSql}: renders each value of a row as the target
 * column's {@code ::text} ({@link CanonicalText}), builds {@code <length>:<text>,} / {@code N,} per column,
 * takes the first 64 bits of the MD5 of that string as a signed long, and sums the row digests exactly.
 * A source row hashed here while streaming equals its PostgreSQL copy's digest. Not thread-safe.
 */
public final class JavaRowDigest {
    private final List<PgColumnType> columns;
    private final NulPolicy nulPolicy;
    private final MessageDigest md5;
    private final StringBuilder row = new StringBuilder(256);
    private final StringBuilder value = new StringBuilder(64);
    private int column = -1;
    private long rows;
    /** Exact sum as {@code high × 2^64 + low}: counts signed overflows instead of using BigInteger per row. */
    private long sumLow;
    private long sumHigh;

    public JavaRowDigest(List<PgColumnType> columns, NulPolicy nulPolicy) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a row digest needs at least one column");
        }
        this.columns = List.copyOf(columns);
        this.nulPolicy = nulPolicy;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }

    public void startRow() {
        if (column >= 0) {
            throw new IllegalStateException("startRow inside a row");
        }
        row.setLength(0);
        column = 0;
    }

    /** Ends the row, adds its digest to the sum and returns it. */
    public long endRow() {
        if (column != columns.size()) {
            throw new IllegalStateException("row has " + column + " values, expected " + columns.size());
        }
        column = -1;
        long digest = rowDigest(row);
        long sum = sumLow + digest;
        if (((sumLow ^ sum) & (digest ^ sum)) < 0) {
            sumHigh += digest < 0 ? -1 : 1;
        }
        sumLow = sum;
        rows++;
        return digest;
    }

    public long rows() {
        return rows;
    }

    /** The exact sum of the row digests, as PostgreSQL's {@code sum(...::numeric)} computes it. */
    public BigInteger sum() {
        return BigInteger.valueOf(sumHigh).shiftLeft(64).add(BigInteger.valueOf(sumLow));
    }

    /** First 64 bits of MD5(UTF-8 of the row text), signed: {@code ('x' || left(md5(t), 16))::bit(64)::bigint}. */
    public long rowDigest(CharSequence rowText) {
        byte[] hash = md5.digest(rowText.toString().getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[i] & 0xFF);
        }
        return v;
    }

    /** The current row's canonical text so far (for diagnostics). */
    public String rowText() {
        return row.toString();
    }

    public void addNull() {
        next();
        row.append("N,");
    }

    public void addBoolean(boolean v) {
        CanonicalText.appendBoolean(begin(), v);
        end();
    }

    /** smallint, integer, bigint. */
    public void addLong(long v) {
        CanonicalText.appendLong(begin(), v);
        end();
    }

    public void addFloat4(float v) {
        CanonicalText.appendFloat4(begin(), v);
        end();
    }

    public void addFloat8(double v) {
        CanonicalText.appendFloat8(begin(), v);
        end();
    }

    public void addNumeric(BigDecimal v) {
        int scale = columns.get(column).scale();
        CanonicalText.appendNumeric(begin(), v, scale);
        end();
    }

    /** text, varchar, char(n), xml; NULs handled by the same {@link NulPolicy} as the encoder. */
    public void addText(String v) {
        PgFieldKind kind = columns.get(column).kind();
        String stored = nulPolicy.apply(v, column);
        if (kind == PgFieldKind.BPCHAR) {
            CanonicalText.appendBpchar(begin(), stored);
        } else {
            begin().append(stored);
        }
        end();
    }

    public void addBytes(byte[] v) {
        CanonicalText.appendBytea(begin(), v);
        end();
    }

    public void addDate(int pgDays) {
        CanonicalText.appendDate(begin(), pgDays);
        end();
    }

    /** time in microseconds since midnight, rounded to the column precision as PostgreSQL stores it. */
    public void addTime(long micros) {
        long stored = PgEpoch.roundToPrecision(micros, columns.get(column).precision());
        CanonicalText.appendTime(begin(), stored);
        end();
    }

    /** timestamp or timestamptz (by the column's kind) in microseconds since 2000-01-01 (UTC for timestamptz). */
    public void addTimestamp(long pgMicros) {
        PgColumnType type = columns.get(column);
        long stored = PgEpoch.roundToPrecision(pgMicros, type.precision());
        if (type.kind() == PgFieldKind.TIMESTAMPTZ) {
            CanonicalText.appendTimestamptz(begin(), stored);
        } else {
            CanonicalText.appendTimestamp(begin(), stored);
        }
        end();
    }

    public void addUuid(long mostSignificant, long leastSignificant) {
        CanonicalText.appendUuid(begin(), mostSignificant, leastSignificant);
        end();
    }

    /**
     * Adds a value given as the Java object a JDBC driver returns for the column's kind
     * (see {@link PgBinaryWriter#writeValue}); {@code null} is SQL NULL.
     */
    public void add(Object v) {
        if (v == null) {
            addNull();
            return;
        }
        switch (kindOfNext()) {
            case BOOLEAN -> addBoolean((Boolean) v);
            case INT2, INT4, INT8 -> addLong(((Number) v).longValue());
            case FLOAT4 -> addFloat4(((Number) v).floatValue());
            case FLOAT8 -> addFloat8(((Number) v).doubleValue());
            case NUMERIC -> addNumeric((BigDecimal) v);
            case TEXT, VARCHAR, BPCHAR, XML -> addText((String) v);
            case BYTEA -> addBytes((byte[]) v);
            case DATE -> addDate(PgEpoch.days((LocalDate) v));
            case TIME -> addTime(PgEpoch.micros((LocalTime) v));
            case TIMESTAMP -> addTimestamp(PgEpoch.micros((LocalDateTime) v));
            case TIMESTAMPTZ -> addTimestamp(PgEpoch.micros((OffsetDateTime) v));
            case UUID -> addUuid(((UUID) v).getMostSignificantBits(), ((UUID) v).getLeastSignificantBits());
        }
    }

    private PgFieldKind kindOfNext() {
        if (column < 0 || column >= columns.size()) {
            throw new IllegalStateException("value outside a row or beyond its " + columns.size() + " columns");
        }
        return columns.get(column).kind();
    }

    private void next() {
        kindOfNext();
        column++;
    }

    private StringBuilder begin() {
        kindOfNext();
        value.setLength(0);
        return value;
    }

    private void end() {
        // length() in PostgreSQL counts characters (code points), not UTF-16 units or bytes
        row.append(value.codePointCount(0, value.length())).append(':').append(value).append(',');
        column++;
    }
}
