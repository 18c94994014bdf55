package io.migbench.engine.sqlserver;

import io.migbench.engine.copy.binary.PgColumnType;
import io.migbench.engine.copy.binary.PgFieldKind;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.migbench.engine.copy.binary.PgColumnType.MAX_TIME_PRECISION;

/**
 * The one place mapping SQL Server column types to PostgreSQL types: a table from system type name to rule.
 *
 * <p>Fractional seconds: SQL Server keeps up to 7 digits (100 ns), PostgreSQL 6; {@code time(7)},
 * {@code datetime2(7)} and {@code datetimeoffset(7)} become precision 6 and the encoder truncates the last
 * digit (see {@link io.migbench.engine.copy.binary.PgEpoch}). {@code datetimeoffset} becomes {@code timestamptz}:
 * the instant is kept, the original offset is not (PostgreSQL has no per-value offset).
 * Character lengths: {@code nchar}/{@code nvarchar} {@code max_length} is in bytes, two per character.
 * Anything not in the table is an {@link UnsupportedTypeException} unless {@link TypeOverrides} maps it.
 */
public final class SqlServerTypeMapping {
    private static final Map<String, Function<SqlServerColumnType, PgColumnType>> RULES = Map.ofEntries(
            Map.entry("bit", t -> PgColumnType.of(PgFieldKind.BOOLEAN)),
            Map.entry("tinyint", t -> PgColumnType.of(PgFieldKind.INT2)),
            Map.entry("smallint", t -> PgColumnType.of(PgFieldKind.INT2)),
            Map.entry("int", t -> PgColumnType.of(PgFieldKind.INT4)),
            Map.entry("bigint", t -> PgColumnType.of(PgFieldKind.INT8)),
            Map.entry("decimal", t -> PgColumnType.numeric(t.precision(), t.scale())),
            Map.entry("numeric", t -> PgColumnType.numeric(t.precision(), t.scale())),
            Map.entry("money", t -> PgColumnType.numeric(19, 4)),
            Map.entry("smallmoney", t -> PgColumnType.numeric(10, 4)),
            // float(1..24) is stored as a 4-byte real (precision 24), float(25..53) as 8 bytes (precision 53)
            Map.entry("float", t -> PgColumnType.of(t.precision() <= 24 ? PgFieldKind.FLOAT4 : PgFieldKind.FLOAT8)),
            Map.entry("real", t -> PgColumnType.of(PgFieldKind.FLOAT4)),
            Map.entry("char", t -> PgColumnType.bpchar(t.maxLength())),
            Map.entry("nchar", t -> PgColumnType.bpchar(t.maxLength() / 2)),
            Map.entry("varchar", t -> t.maxLength() == -1 ? text() : PgColumnType.varchar(t.maxLength())),
            Map.entry("nvarchar", t -> t.maxLength() == -1 ? text() : PgColumnType.varchar(t.maxLength() / 2)),
            Map.entry("sysname", t -> PgColumnType.varchar(128)),
            Map.entry("text", t -> text()),
            Map.entry("ntext", t -> text()),
            Map.entry("binary", t -> bytea()),
            Map.entry("varbinary", t -> bytea()),
            Map.entry("image", t -> bytea()),
            Map.entry("timestamp", t -> bytea()), // rowversion: an 8-byte counter, not a time
            Map.entry("rowversion", t -> bytea()),
            Map.entry("date", t -> PgColumnType.of(PgFieldKind.DATE)),
            Map.entry("time", t -> PgColumnType.temporal(PgFieldKind.TIME, fractionalDigits(t))),
            Map.entry("datetime", t -> PgColumnType.temporal(PgFieldKind.TIMESTAMP, 3)),
            Map.entry("datetime2", t -> PgColumnType.temporal(PgFieldKind.TIMESTAMP, fractionalDigits(t))),
            Map.entry("smalldatetime", t -> PgColumnType.temporal(PgFieldKind.TIMESTAMP, 0)),
            Map.entry("datetimeoffset", t -> PgColumnType.temporal(PgFieldKind.TIMESTAMPTZ, fractionalDigits(t))),
            Map.entry("uniqueidentifier", t -> PgColumnType.of(PgFieldKind.UUID)),
            Map.entry("xml", t -> PgColumnType.of(PgFieldKind.XML)));

    private final TypeOverrides overrides;

    public SqlServerTypeMapping(TypeOverrides overrides) {
        this.overrides = overrides;
    }

    /** The SQL Server type names with a built-in mapping. */
    public static Set<String> supportedTypes() {
        return RULES.keySet();
    }

    /**
     * The PostgreSQL type of a column: the user's override if any, else the built-in rule.
     *
     * @throws UnsupportedTypeException naming table, column and type when neither exists
     */
    public PgColumnType map(String schema, String table, String column, SqlServerColumnType type) {
        return overrides.find(schema, table, column, type).orElseGet(() -> {
            Function<SqlServerColumnType, PgColumnType> rule = RULES.get(type.name());
            if (rule == null) {
                throw new UnsupportedTypeException(schema, table, column, type);
            }
            return rule.apply(type);
        });
    }

    private static int fractionalDigits(SqlServerColumnType t) {
        return Math.min(t.scale(), MAX_TIME_PRECISION);
    }

    private static PgColumnType text() {
        return PgColumnType.of(PgFieldKind.TEXT);
    }

    private static PgColumnType bytea() {
        return PgColumnType.of(PgFieldKind.BYTEA);
    }
}
