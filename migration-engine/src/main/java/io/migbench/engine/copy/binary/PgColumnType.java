package io.migbench.engine.copy.binary;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type: its kind plus modifiers. {@code -1} means "no modifier" for length
 * (varchar), precision (numeric digits, or fractional-second digits of time/timestamp) and scale.
 */
public record PgColumnType(PgFieldKind kind, int length, int precision, int scale) {
    private static final Pattern SYNTAX = Pattern.compile("([a-z0-9 ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Map<String, PgFieldKind> NAMES = Map.ofEntries(
            Map.entry("boolean", PgFieldKind.BOOLEAN), Map.entry("bool", PgFieldKind.BOOLEAN),
            Map.entry("smallint", PgFieldKind.INT2), Map.entry("int2", PgFieldKind.INT2),
            Map.entry("integer", PgFieldKind.INT4), Map.entry("int", PgFieldKind.INT4), Map.entry("int4", PgFieldKind.INT4),
            Map.entry("bigint", PgFieldKind.INT8), Map.entry("int8", PgFieldKind.INT8),
            Map.entry("real", PgFieldKind.FLOAT4), Map.entry("float4", PgFieldKind.FLOAT4),
            Map.entry("double precision", PgFieldKind.FLOAT8), Map.entry("float8", PgFieldKind.FLOAT8),
            Map.entry("numeric", PgFieldKind.NUMERIC), Map.entry("decimal", PgFieldKind.NUMERIC),
            Map.entry("text", PgFieldKind.TEXT),
            Map.entry("varchar", PgFieldKind.VARCHAR), Map.entry("character varying", PgFieldKind.VARCHAR),
            Map.entry("char", PgFieldKind.BPCHAR), Map.entry("character", PgFieldKind.BPCHAR),
            Map.entry("bpchar", PgFieldKind.BPCHAR),
            Map.entry("bytea", PgFieldKind.BYTEA), Map.entry("date", PgFieldKind.DATE),
            Map.entry("time", PgFieldKind.TIME), Map.entry("timestamp", PgFieldKind.TIMESTAMP),
            Map.entry("timestamptz", PgFieldKind.TIMESTAMPTZ), Map.entry("uuid", PgFieldKind.UUID),
            Map.entry("xml", PgFieldKind.XML));
    /** PostgreSQL's limit on fractional-second digits. */
    public static final int MAX_TIME_PRECISION = 6;

    public PgColumnType {
        if (kind == null) {
            throw new IllegalArgumentException("PostgreSQL type kind is required");
        }
        switch (kind) {
            case VARCHAR -> require(length == -1 || length >= 1, "varchar length must be >= 1, got " + length);
            case BPCHAR -> require(length >= 1, "char length must be >= 1, got " + length);
            default -> require(length == -1, kind.sqlName() + " takes no length");
        }
        switch (kind) {
            case NUMERIC -> {
                require(precision == -1 || (precision >= 1 && precision <= 1000),
                        "numeric precision must be 1..1000, got " + precision);
                require(precision == -1 ? scale == -1 : scale >= 0 && scale <= precision,
                        "numeric scale must be 0..precision (" + precision + "), got " + scale);
            }
            case TIME, TIMESTAMP, TIMESTAMPTZ -> {
                require(precision >= -1 && precision <= MAX_TIME_PRECISION,
                        kind.sqlName() + " precision must be 0.." + MAX_TIME_PRECISION + ", got " + precision);
                require(scale == -1, kind.sqlName() + " takes no scale");
            }
            default -> require(precision == -1 && scale == -1, kind.sqlName() + " takes no precision or scale");
        }
    }

    public static PgColumnType of(PgFieldKind kind) {
        return new PgColumnType(kind, -1, -1, -1);
    }

    public static PgColumnType numeric(int precision, int scale) {
        return new PgColumnType(PgFieldKind.NUMERIC, -1, precision, scale);
    }

    public static PgColumnType varchar(int length) {
        return new PgColumnType(PgFieldKind.VARCHAR, length, -1, -1);
    }

    public static PgColumnType bpchar(int length) {
        return new PgColumnType(PgFieldKind.BPCHAR, length, -1, -1);
    }

    /** time, timestamp or timestamptz with a fractional-second precision. */
    public static PgColumnType temporal(PgFieldKind kind, int precision) {
        return new PgColumnType(kind, -1, precision, -1);
    }

    /**
     * Parses a type as written in DDL, e.g. {@code text}, {@code numeric(10,2)}, {@code varchar(20)},
     * {@code timestamp(3)}, {@code double precision}.
     */
    public static PgColumnType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = SYNTAX.matcher(t);
        PgFieldKind kind = m.matches() ? NAMES.get(m.group(1)) : null;
        if (kind == null) {
            throw new IllegalArgumentException("unknown PostgreSQL type '" + text + "'; known: " + NAMES.keySet());
        }
        int first = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        return switch (kind) {
            case VARCHAR -> varchar(first);
            case BPCHAR -> bpchar(first == -1 ? 1 : first);
            case NUMERIC -> numeric(first, first != -1 && second == -1 ? 0 : second);
            default -> new PgColumnType(kind, -1, first, second);
        };
    }

    /** The type in PostgreSQL DDL. */
    public String sql() {
        return switch (kind) {
            case VARCHAR, BPCHAR -> length == -1 ? kind.sqlName() : kind.sqlName() + "(" + length + ")";
            case NUMERIC -> precision == -1 ? "numeric" : "numeric(" + precision + "," + scale + ")";
            case TIME, TIMESTAMP, TIMESTAMPTZ -> precision == -1 ? kind.sqlName() : kind.sqlName() + "(" + precision + ")";
            default -> kind.sqlName();
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
