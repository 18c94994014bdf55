package io.migbench.engine.copy.binary;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Encodes rows into PostgreSQL's binary COPY format ({@code COPY t FROM STDIN (FORMAT binary)}).
 *
 * <p>Layout: the 19-byte header (signature {@code PGCOPY\n\377\r\n\0}, flags, header-extension length), then
 * per row an int16 field count and per field an int32 byte length ({@code -1} for NULL) followed by the
 * type's binary send form, and finally the int16 trailer {@code -1}.
 *
 * <p>Hot path without allocation: values go straight into the current {@link Chunk}'s array (strings are
 * encoded char by char to UTF-8, the length patched in afterwards), and a chunk filled past the flush
 * threshold is handed to the {@link ChunkSink} at the end of a row, so rows are never split across chunks
 * and a chunk grows only for a row larger than its capacity. Not thread-safe: one writer per encoding thread.
 */
public final class PgBinaryWriter {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, /* flags */ 0, 0, 0, 0 /* header extension length */};
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int[] POW10 = {1, 10, 100, 1000};
    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;

    private final int fieldCount;
    private final ChunkSink sink;
    private final NulPolicy nulPolicy;
    private final int flushThreshold;
    private Chunk chunk;
    private byte[] buf;
    private int pos;
    private int fieldsInRow = -1;
    private long rows;
    private boolean finished;
    /** Decimal digits and base-10000 groups of the numeric being encoded; reused. */
    private byte[] decimalDigits = new byte[40];
    private short[] numericGroups = new short[12];

    /**
     * @param fieldCount columns per row
     * @param sink       receives filled chunks
     * @param first      the chunk to start in (from the pipe, or a fresh one)
     * @param nulPolicy  what to do with U+0000 in strings
     */
    public PgBinaryWriter(int fieldCount, ChunkSink sink, Chunk first, NulPolicy nulPolicy) {
        if (fieldCount < 1 || fieldCount > Short.MAX_VALUE) {
            throw new IllegalArgumentException("fieldCount must be 1.." + Short.MAX_VALUE + ", got " + fieldCount);
        }
        this.fieldCount = fieldCount;
        this.sink = sink;
        this.nulPolicy = nulPolicy;
        this.flushThreshold = first.capacity() - first.capacity() / 4;
        useChunk(first);
        ensure(HEADER.length);
        System.arraycopy(HEADER, 0, buf, pos, HEADER.length);
        pos += HEADER.length;
    }

    public void startRow() {
        if (fieldsInRow >= 0) {
            throw new IllegalStateException("startRow inside a row (row " + (rows + 1) + " has " + fieldsInRow
                    + " of " + fieldCount + " fields)");
        }
        ensure(2);
        SHORT.set(buf, pos, (short) fieldCount);
        pos += 2;
        fieldsInRow = 0;
    }

    /** Ends the row; hands the chunk to the sink when it is filled past the threshold. */
    public void endRow() throws IOException, InterruptedException {
        if (fieldsInRow != fieldCount) {
            throw new IllegalStateException("row " + (rows + 1) + " has " + fieldsInRow + " fields, expected "
                    + fieldCount);
        }
        fieldsInRow = -1;
        rows++;
        if (pos >= flushThreshold) {
            chunk.length = pos;
            useChunk(sink.exchange(chunk));
        }
    }

    /** Writes the trailer and hands over the last chunk; the writer cannot be used afterwards. */
    public void finish() throws IOException, InterruptedException {
        if (fieldsInRow >= 0) {
            throw new IllegalStateException("finish inside row " + (rows + 1));
        }
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        ensure(2);
        SHORT.set(buf, pos, (short) -1);
        pos += 2;
        chunk.length = pos;
        finished = true;
        sink.finish(chunk);
    }

    public long rowsWritten() {
        return rows;
    }

    /**
     * Writes a value given as the Java object a JDBC driver returns for the kind: Boolean, Number (integers,
     * floats), BigDecimal, String (text, varchar, char, xml), byte[], LocalDate, LocalTime, LocalDateTime,
     * OffsetDateTime, UUID; {@code null} is SQL NULL. The typed methods avoid boxing on hot paths.
     */
    public void writeValue(PgFieldKind kind, Object v) {
        if (v == null) {
            writeNull();
            return;
        }
        switch (kind) {
            case BOOLEAN -> writeBoolean((Boolean) v);
            case INT2 -> writeInt2(((Number) v).shortValue());
            case INT4 -> writeInt4(((Number) v).intValue());
            case INT8 -> writeInt8(((Number) v).longValue());
            case FLOAT4 -> writeFloat4(((Number) v).floatValue());
            case FLOAT8 -> writeFloat8(((Number) v).doubleValue());
            case NUMERIC -> writeNumeric((BigDecimal) v);
            case TEXT, VARCHAR, BPCHAR, XML -> writeText((String) v);
            case BYTEA -> writeBytes((byte[]) v);
            case DATE -> writeDate((LocalDate) v);
            case TIME -> writeTime((LocalTime) v);
            case TIMESTAMP -> writeTimestamp((LocalDateTime) v);
            case TIMESTAMPTZ -> writeTimestamptz((OffsetDateTime) v);
            case UUID -> writeUuid(((java.util.UUID) v).getMostSignificantBits(),
                    ((java.util.UUID) v).getLeastSignificantBits());
        }
    }

    public void writeNull() {
        field(4);
        INT.set(buf, pos, -1);
        pos += 4;
    }

    public void writeBoolean(boolean v) {
        field(5);
        INT.set(buf, pos, 1);
        buf[pos + 4] = (byte) (v ? 1 : 0);
        pos += 5;
    }

    public void writeInt2(short v) {
        field(6);
        INT.set(buf, pos, 2);
        SHORT.set(buf, pos + 4, v);
        pos += 6;
    }

    public void writeInt4(int v) {
        field(8);
        INT.set(buf, pos, 4);
        INT.set(buf, pos + 4, v);
        pos += 8;
    }

    public void writeInt8(long v) {
        field(12);
        INT.set(buf, pos, 8);
        LONG.set(buf, pos + 4, v);
        pos += 12;
    }

    public void writeFloat4(float v) {
        field(8);
        INT.set(buf, pos, 4);
        INT.set(buf, pos + 4, Float.floatToIntBits(v));
        pos += 8;
    }

    public void writeFloat8(double v) {
        field(12);
        INT.set(buf, pos, 8);
        LONG.set(buf, pos + 4, Double.doubleToLongBits(v));
        pos += 12;
    }

    /** Days since 2000-01-01. */
    public void writeDate(int pgDays) {
        field(8);
        INT.set(buf, pos, 4);
        INT.set(buf, pos + 4, pgDays);
        pos += 8;
    }

    public void writeDate(LocalDate date) {
        writeDate(PgEpoch.days(date));
    }

    /** Microseconds since midnight. */
    public void writeTime(long micros) {
        writeInt8(micros);
    }

    public void writeTime(LocalTime time) {
        writeInt8(PgEpoch.micros(time));
    }

    /** Microseconds since 2000-01-01 00:00:00 (timestamp without time zone). */
    public void writeTimestamp(long pgMicros) {
        writeInt8(pgMicros);
    }

    public void writeTimestamp(LocalDateTime timestamp) {
        writeInt8(PgEpoch.micros(timestamp));
    }

    /** Microseconds since 2000-01-01 00:00:00 UTC (timestamptz). */
    public void writeTimestamptz(long pgMicrosUtc) {
        writeInt8(pgMicrosUtc);
    }

    public void writeTimestamptz(OffsetDateTime timestamp) {
        writeInt8(PgEpoch.micros(timestamp));
    }

    public void writeUuid(long mostSignificant, long leastSignificant) {
        field(20);
        INT.set(buf, pos, 16);
        LONG.set(buf, pos + 4, mostSignificant);
        LONG.set(buf, pos + 12, leastSignificant);
        pos += 20;
    }

    public void writeBytes(byte[] v) {
        writeBytes(v, 0, v.length);
    }

    public void writeBytes(byte[] v, int offset, int length) {
        field(4 + length);
        INT.set(buf, pos, length);
        System.arraycopy(v, offset, buf, pos + 4, length);
        pos += 4 + length;
    }

    /**
     * text, varchar, char(n), xml: the string as UTF-8. A NUL character is an {@link UnencodableTextException}
     * unless the {@link NulPolicy} replaces it; so is an unpaired surrogate, which has no UTF-8 form.
     */
    public void writeText(CharSequence s) {
        int n = s.length();
        field(4 + 3 * n);
        int start = pos + 4;
        int p = start;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c != 0) {
                b[p++] = (byte) c;
            } else if (c == 0) {
                p = writeNulReplacement(p, n - i);
                b = buf;
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                p = encodePair(b, p, c, s.charAt(i + 1), i);
                i++;
            } else {
                p = encodeBmp(b, p, c, i);
            }
        }
        INT.set(buf, pos, p - start);
        pos = p;
    }

    /**
     * The same text given as UTF-16LE code units, the form SQL Server sends nchar/nvarchar/ntext in: transcoded
     * straight into the COPY buffer, with {@link #writeText}'s rules, so no String is built for it.
     */
    public void writeTextUtf16le(byte[] utf16le) {
        if ((utf16le.length & 1) != 0) {
            throw new IllegalArgumentException("UTF-16 text has an even byte count, got " + utf16le.length);
        }
        int n = utf16le.length >>> 1;
        field(4 + 3 * n);
        int start = pos + 4;
        int p = start;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char c = (char) (short) SHORT_LE.get(utf16le, 2 * i);
            if (c < 0x80 && c != 0) {
                b[p++] = (byte) c;
            } else if (c == 0) {
                p = writeNulReplacement(p, n - i);
                b = buf;
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                p = encodePair(b, p, c, (char) (short) SHORT_LE.get(utf16le, 2 * i + 2), i);
                i++;
            } else {
                p = encodeBmp(b, p, c, i);
            }
        }
        INT.set(buf, pos, p - start);
        pos = p;
    }

    /** A non-ASCII char that is not the start of a surrogate pair: 2 or 3 bytes; a lone surrogate is an error. */
    private int encodeBmp(byte[] b, int p, char c, int index) {
        if (Character.isSurrogate(c)) {
            throw unpairedSurrogate(index);
        }
        if (c < 0x800) {
            b[p] = (byte) (0xC0 | (c >> 6));
            b[p + 1] = (byte) (0x80 | (c & 0x3F));
            return p + 2;
        }
        b[p] = (byte) (0xE0 | (c >> 12));
        b[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p + 2] = (byte) (0x80 | (c & 0x3F));
        return p + 3;
    }

    /** A high surrogate and the char after it: 4 bytes when they pair, else an error. */
    private int encodePair(byte[] b, int p, char high, char low, int index) {
        if (!Character.isLowSurrogate(low)) {
            throw unpairedSurrogate(index);
        }
        int cp = Character.toCodePoint(high, low);
        b[p] = (byte) (0xF0 | (cp >> 18));
        b[p + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p + 3] = (byte) (0x80 | (cp & 0x3F));
        return p + 4;
    }

    private UnencodableTextException unpairedSurrogate(int index) {
        return new UnencodableTextException(fieldsInRow - 1, "contains an unpaired UTF-16 surrogate at character "
                + index + ", which has no UTF-8 form");
    }

    private int writeNulReplacement(int p, int charsLeft) {
        byte[] replacement = nulPolicy.replacementUtf8();
        if (replacement == null) {
            throw new UnencodableTextException(fieldsInRow - 1, "contains a NUL character (U+0000), which "
                    + "PostgreSQL text cannot store; set a NUL replacement to load it anyway");
        }
        // room for the replacement plus the worst case of the characters still to come
        int needed = p + replacement.length + 3 * charsLeft;
        if (needed > buf.length) {
            grow(needed);
        }
        System.arraycopy(replacement, 0, buf, p, replacement.length);
        return p + replacement.length;
    }

    /** numeric from a BigDecimal; values of up to 18 digits take the allocation-light path. */
    public void writeNumeric(BigDecimal v) {
        BigDecimal value = v.scale() < 0 ? v.setScale(0) : v;
        BigInteger unscaled = value.unscaledValue();
        int signum = unscaled.signum();
        if (unscaled.bitLength() < 63) {
            writeNumeric(unscaled.longValue(), value.scale());
            return;
        }
        String digits = unscaled.abs().toString();
        int n = digits.length();
        ensureDigits(n);
        for (int i = 0; i < n; i++) {
            decimalDigits[i] = (byte) (digits.charAt(i) - '0');
        }
        writeNumericDigits(n, value.scale(), signum < 0);
    }

    /** numeric {@code unscaled × 10^-scale} without allocation. */
    public void writeNumeric(long unscaled, int scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("numeric scale must be >= 0, got " + scale);
        }
        if (unscaled == Long.MIN_VALUE) {
            writeNumeric(BigDecimal.valueOf(unscaled, scale));
            return;
        }
        long u = Math.abs(unscaled);
        int n = 0;
        for (long t = u; t != 0; t /= 10) {
            n++;
        }
        ensureDigits(n);
        for (int i = n - 1; i >= 0; i--) {
            decimalDigits[i] = (byte) (u % 10);
            u /= 10;
        }
        writeNumericDigits(n, scale, unscaled < 0);
    }

    /**
     * Groups decimal digits (most significant first, no leading zeros) into base-10000 digits aligned on the
     * decimal point: digit i has decimal exponent e = intDigits-1-i and lands in group floorDiv(e, 4).
     */
    private void writeNumericDigits(int n, int scale, boolean negative) {
        int groupCount = 0;
        int weight = 0;
        if (n > 0) {
            int firstExponent = n - scale - 1;
            weight = Math.floorDiv(firstExponent, 4);
            int lowestGroup = Math.floorDiv(-scale, 4);
            groupCount = weight - lowestGroup + 1;
            if (numericGroups.length < groupCount) {
                numericGroups = new short[groupCount * 2];
            }
            for (int g = 0; g < groupCount; g++) {
                numericGroups[g] = 0;
            }
            for (int i = 0; i < n; i++) {
                int e = firstExponent - i;
                numericGroups[weight - Math.floorDiv(e, 4)] += (short) (decimalDigits[i] * POW10[Math.floorMod(e, 4)]);
            }
            while (groupCount > 0 && numericGroups[groupCount - 1] == 0) {
                groupCount--;
            }
        }
        if (groupCount == 0) {
            weight = 0;
            negative = false;
        }
        int len = 8 + 2 * groupCount;
        field(4 + len);
        INT.set(buf, pos, len);
        SHORT.set(buf, pos + 4, (short) groupCount);
        SHORT.set(buf, pos + 6, (short) weight);
        SHORT.set(buf, pos + 8, negative ? NUMERIC_NEG : NUMERIC_POS);
        SHORT.set(buf, pos + 10, (short) scale);
        int p = pos + 12;
        for (int g = 0; g < groupCount; g++) {
            SHORT.set(buf, p, numericGroups[g]);
            p += 2;
        }
        pos = p;
    }

    private void ensureDigits(int n) {
        if (decimalDigits.length < n) {
            decimalDigits = new byte[n * 2];
        }
    }

    /** Counts the field and makes room for {@code bytes} more bytes. */
    private void field(int bytes) {
        if (fieldsInRow < 0) {
            throw new IllegalStateException("field written outside a row; call startRow first");
        }
        if (fieldsInRow == fieldCount) {
            throw new IllegalStateException("row " + (rows + 1) + " already has its " + fieldCount + " fields");
        }
        fieldsInRow++;
        ensure(bytes);
    }

    private void ensure(int bytes) {
        if (pos + bytes > buf.length) {
            grow(pos + bytes);
        }
    }

    private void grow(int needed) {
        // only a row larger than the chunk gets here; the chunk keeps its larger array for reuse
        byte[] bigger = new byte[Math.max(needed, buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, pos);
        chunk.data = bigger;
        buf = bigger;
    }

    private void useChunk(Chunk next) {
        chunk = next;
        chunk.length = 0;
        buf = next.data;
        pos = 0;
    }
}
