package io.migbench.engine.sqlserver.tsql;

import io.migbench.engine.copy.binary.PgColumnType;
import io.migbench.engine.copy.binary.PgFieldKind;

import java.util.Locale;

/**
 * What a translated expression's value is, as far as the translation needs to know: T-SQL's {@code +} adds numbers
 * and joins strings, a {@code bit} compares with 0 and 1 where PostgreSQL's boolean does not, and char(n) keeps its
 * padding in T-SQL where PostgreSQL drops it.
 */
enum ExprKind {
    INTEGER, EXACT, MONEY, FLOAT,
    /** varchar, nvarchar, text, ntext, sysname and string literals. */
    TEXT,
    /** char(n), nchar(n): T-SQL keeps the trailing blanks, PostgreSQL's char(n) drops them in most operations. */
    FIXED_TEXT,
    DATE, TIME, TIMESTAMP, TIMESTAMPTZ,
    /** A bit value (PostgreSQL boolean). */
    BIT,
    /** A condition: comparisons, AND, OR, NOT, IS NULL, IN, BETWEEN. */
    PREDICATE,
    UUID, BINARY,
    /** The NULL literal, which fits anything. */
    NULL,
    /** Anything else (xml, a type mapped by --type-override): not used in a translation. */
    OTHER;

    boolean numeric() {
        return this == INTEGER || this == EXACT || this == MONEY || this == FLOAT;
    }

    boolean textual() {
        return this == TEXT || this == FIXED_TEXT;
    }

    boolean temporal() {
        return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMPTZ;
    }

    /** The kind of a column of SQL Server type {@code sourceType} that the engine creates as {@code target}. */
    static ExprKind ofColumn(String sourceType, PgColumnType target) {
        ExprKind kind = switch (sourceType.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "int", "bigint" -> INTEGER;
            case "decimal", "numeric" -> EXACT;
            case "money", "smallmoney" -> MONEY;
            case "float", "real" -> FLOAT;
            case "varchar", "nvarchar", "text", "ntext", "sysname" -> TEXT;
            case "char", "nchar" -> FIXED_TEXT;
            case "date" -> DATE;
            case "time" -> TIME;
            case "datetime", "datetime2", "smalldatetime" -> TIMESTAMP;
            case "datetimeoffset" -> TIMESTAMPTZ;
            case "bit" -> BIT;
            case "uniqueidentifier" -> UUID;
            case "binary", "varbinary", "image" -> BINARY;
            default -> OTHER;
        };
        // a column mapped elsewhere by --type-override holds values the expression's T-SQL semantics do not describe
        return kind == OTHER || kind.matches(target.kind()) ? kind : OTHER;
    }

    private boolean matches(PgFieldKind target) {
        return switch (this) {
            case INTEGER -> target == PgFieldKind.INT2 || target == PgFieldKind.INT4 || target == PgFieldKind.INT8;
            case EXACT, MONEY -> target == PgFieldKind.NUMERIC;
            case FLOAT -> target == PgFieldKind.FLOAT4 || target == PgFieldKind.FLOAT8;
            case TEXT -> target == PgFieldKind.TEXT || target == PgFieldKind.VARCHAR;
            case FIXED_TEXT -> target == PgFieldKind.BPCHAR;
            case DATE -> target == PgFieldKind.DATE;
            case TIME -> target == PgFieldKind.TIME;
            case TIMESTAMP -> target == PgFieldKind.TIMESTAMP;
            case TIMESTAMPTZ -> target == PgFieldKind.TIMESTAMPTZ;
            case BIT -> target == PgFieldKind.BOOLEAN;
            case UUID -> target == PgFieldKind.UUID;
            case BINARY -> target == PgFieldKind.BYTEA;
            default -> false;
        };
    }

    /** The wider of two numeric kinds, as T-SQL's data type precedence picks it. */
    static ExprKind wider(ExprKind a, ExprKind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    String words() {
        return switch (this) {
            case INTEGER -> "integer";
            case EXACT -> "decimal";
            case MONEY -> "money";
            case FLOAT -> "float";
            case TEXT -> "text";
            case FIXED_TEXT -> "char(n)";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "datetime";
            case TIMESTAMPTZ -> "datetimeoffset";
            case BIT -> "bit";
            case PREDICATE -> "condition";
            case UUID -> "uniqueidentifier";
            case BINARY -> "binary";
            case NULL -> "NULL";
            case OTHER -> "value of an unmapped type";
        };
    }
}
