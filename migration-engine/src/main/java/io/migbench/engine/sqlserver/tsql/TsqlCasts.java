package io.migbench.engine.sqlserver.tsql;

import io.migbench.engine.schema.Sql;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Cast;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.LiteralType;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.TypeName;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Conversions as T-SQL makes them, in PostgreSQL: explicit CAST/CONVERT and the implicit one of a value assigned
 * to a column (a default, a computed column). Kept where both give the same value; a cast to an integer truncates
 * (PostgreSQL would round), a datetime converted to datetimeoffset is read as UTC (as SQL Server does), a literal
 * is checked against the type it must be read as.
 */
final class TsqlCasts {
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}|\\d{8}";
    private static final String TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?";
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE_LITERAL = Pattern.compile(DATE);
    private static final Pattern TIME_LITERAL = Pattern.compile(TIME);
    private static final Pattern TIMESTAMP_LITERAL = Pattern.compile("(" + DATE + ")([ T]" + TIME + ")?");
    private static final Pattern TIMESTAMPTZ_LITERAL = Pattern.compile("(" + DATE + ")[ T]" + TIME + " ?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern UUID_LITERAL = Pattern.compile("\\{?[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}}?");

    private TsqlCasts() {}

    /** A type named in CAST or CONVERT, as the engine maps columns of that type. */
    record Target(String sql, ExprKind kind, String name) {}

    static Target target(TypeName t) {
        List<String> a = t.arguments();
        String name = t.name();
        return switch (name) {
            case "bit" -> new Target("boolean", ExprKind.BIT, name);
            case "tinyint", "smallint" -> new Target("smallint", ExprKind.INTEGER, name);
            case "int" -> new Target("integer", ExprKind.INTEGER, name);
            case "bigint" -> new Target("bigint", ExprKind.INTEGER, name);
            case "decimal", "numeric" -> new Target("numeric(" + number(a, 0, 18) + "," + number(a, 1, 0) + ")",
                    ExprKind.EXACT, name);
            case "money" -> new Target("numeric(19,4)", ExprKind.MONEY, name);
            case "smallmoney" -> new Target("numeric(10,4)", ExprKind.MONEY, name);
            case "float" -> new Target(number(a, 0, 53) <= 24 ? "real" : "double precision", ExprKind.FLOAT, name);
            case "real" -> new Target("real", ExprKind.FLOAT, name);
            case "char", "nchar" -> new Target("char(" + number(a, 0, 1) + ")", ExprKind.FIXED_TEXT, name);
            // T-SQL's varchar without a length is varchar(30) in CAST and CONVERT
            case "varchar", "nvarchar" -> new Target(a.equals(List.of("max")) ? "text" : "varchar(" + number(a, 0, 30) + ")",
                    ExprKind.TEXT, name);
            case "text", "ntext", "sysname" -> new Target(name.equals("sysname") ? "varchar(128)" : "text", ExprKind.TEXT, name);
            case "date" -> new Target("date", ExprKind.DATE, name);
            case "time" -> new Target("time(" + Math.min(number(a, 0, 7), 6) + ")", ExprKind.TIME, name);
            case "datetime" -> new Target("timestamp(3)", ExprKind.TIMESTAMP, name);
            case "smalldatetime" -> new Target("timestamp(0)", ExprKind.TIMESTAMP, name);
            case "datetime2" -> new Target("timestamp(" + Math.min(number(a, 0, 7), 6) + ")", ExprKind.TIMESTAMP, name);
            case "datetimeoffset" -> new Target("timestamptz(" + Math.min(number(a, 0, 7), 6) + ")", ExprKind.TIMESTAMPTZ, name);
            case "uniqueidentifier" -> new Target("uuid", ExprKind.UUID, name);
            case "varbinary" -> {
                if (!a.equals(List.of("max"))) {
                    throw new Untranslatable("a conversion to " + name + (a.isEmpty() ? "" : "(" + a.get(0) + ")")
                            + ", which cuts or pads the bytes");
                }
                yield new Target("bytea", ExprKind.BINARY, name);
            }
            default -> throw new Untranslatable("a conversion to " + name);
        };
    }

    private static int number(List<String> args, int index, int fallback) {
        if (args.size() <= index) {
            return fallback;
        }
        if (args.get(index).equals("max")) {
            throw new Untranslatable("a (max) length where a number is needed");
        }
        return Integer.parseInt(args.get(index));
    }

    static Typed cast(Cast c, Typed operand, Typed style) {
        if (c.tryCast()) {
            throw new Untranslatable("TRY_CAST/TRY_CONVERT, which give NULL where PostgreSQL raises an error");
        }
        Target target = target(c.type());
        if (style != null && (operand.kind().textual() || target.kind().textual())) {
            throw new Untranslatable("CONVERT with style " + style.sql() + ", a format PostgreSQL does not have");
        }
        if ((target.name().equals("datetime") || target.name().equals("smalldatetime"))
                && operand.kind() != ExprKind.DATE && operand.kind() != ExprKind.NULL && operand.literal() == null) {
            throw new Untranslatable("a conversion to " + target.name() + ", which rounds to "
                    + (target.name().equals("datetime") ? "1/300 s" : "the minute"));
        }
        if (operand.literal() != null && operand.literal().type() == LiteralType.STRING && target.kind() == ExprKind.TEXT
                && fits(operand.literal().text(), target.sql())) {
            // CAST(N'new' AS nvarchar(3)) is the literal itself (Babelfish's catalog shows every string default so)
            return operand;
        }
        return convert(operand, target.kind(), target.sql(), true);
    }

    /** Whether {@code text} fits a PostgreSQL {@code text} or {@code varchar(n)} uncut. */
    private static boolean fits(String text, String pgType) {
        return pgType.equals("text") || text.codePointCount(0, text.length())
                <= Integer.parseInt(pgType.substring(pgType.indexOf('(') + 1, pgType.length() - 1));
    }

    /** {@code t} assigned to {@code column}, converted as SQL Server converts a value stored in that column. */
    static Typed assign(Typed t, TsqlColumn column) {
        ExprKind kind = column.kind();
        if (kind == ExprKind.OTHER) {
            throw new Untranslatable("the column is " + column.sourceType() + " mapped to " + column.targetType().sql());
        }
        return convert(t, kind, column.targetType().sql(), false);
    }

    /**
     * {@code t} as a value of {@code kind} ({@code sql} naming the PostgreSQL type): literals become literals of
     * that type, expressions get the conversion T-SQL would apply.
     */
    private static Typed convert(Typed t, ExprKind kind, String sql, boolean explicit) {
        if (t.kind() == ExprKind.NULL) {
            return explicit ? new Typed("CAST(NULL AS " + sql + ")", kind) : t;
        }
        if (t.kind() == ExprKind.PREDICATE) {
            throw new Untranslatable("a condition used as a value");
        }
        if (t.literal() != null) {
            String literal = literal(t, kind);
            // an explicit cast keeps its type: CAST(5 AS float) / 2 is 2.5; a bit or an integer literal already has it
            return new Typed(explicit && kind != ExprKind.INTEGER && kind != ExprKind.BIT
                    ? "CAST(" + literal + " AS " + sql + ")" : literal, kind);
        }
        if (t.kind() == kind) {
            return explicit && kind != ExprKind.BIT ? Typed.of("CAST(" + t.sql() + " AS " + sql + ")", kind, t) : t;
        }
        String cast = "CAST(" + t.sql() + " AS " + sql + ")";
        if (kind == ExprKind.INTEGER && t.kind().numeric()) {
            return Typed.of("CAST(trunc(" + t.sql() + ") AS " + sql + ")", kind, t);
        }
        if (kind.numeric() && t.kind().numeric()) {
            return Typed.of(cast, kind, t);
        }
        if (kind == ExprKind.BIT && t.kind().numeric()) {
            return Typed.of("(" + t.sql() + " <> 0)", kind, t);
        }
        if (kind.numeric() && t.kind() == ExprKind.BIT) {
            return Typed.of("CAST(CASE WHEN " + t.sql() + " THEN 1 ELSE 0 END AS " + sql + ")", kind, t);
        }
        if (kind == ExprKind.TEXT && (t.kind() == ExprKind.INTEGER || t.kind() == ExprKind.EXACT)) {
            return Typed.of(cast, kind, t);
        }
        if (kind == ExprKind.FIXED_TEXT && t.kind() == ExprKind.TEXT) {
            return Typed.of(cast, kind, t);
        }
        if (t.kind() == ExprKind.TEXT && (kind.numeric() || kind == ExprKind.UUID || kind == ExprKind.BIT)) {
            return Typed.of(cast, kind, t);
        }
        if (t.kind() == ExprKind.TEXT && kind.temporal()) {
            return new Typed(cast, kind, "a conversion of text to " + kind.words() + " (read by the session's DateStyle)");
        }
        if (kind == ExprKind.TIMESTAMPTZ && (t.kind() == ExprKind.TIMESTAMP || t.kind() == ExprKind.DATE)) {
            // SQL Server gives a datetime converted to datetimeoffset the offset +00:00
            return Typed.of("(CAST(" + t.sql() + " AS timestamp) AT TIME ZONE 'UTC')", kind, t);
        }
        if ((kind == ExprKind.DATE || kind == ExprKind.TIME) && t.kind() == ExprKind.TIMESTAMP
                || kind == ExprKind.TIMESTAMP && t.kind() == ExprKind.DATE) {
            return Typed.of(cast, kind, t);
        }
        throw new Untranslatable("a conversion of a " + t.kind().words() + " to " + kind.words()
                + (kind.textual() ? ", whose text form differs in PostgreSQL" : ""));
    }

    /** A T-SQL literal as a PostgreSQL literal of {@code kind}, converted as SQL Server converts it. */
    private static String literal(Typed t, ExprKind kind) {
        LiteralType type = t.literal().type();
        String text = t.literal().text();
        boolean number = type == LiteralType.INTEGER || type == LiteralType.DECIMAL || type == LiteralType.MONEY
                || type == LiteralType.FLOAT;
        switch (kind) {
            case BIT -> {
                if (number) {
                    return new BigDecimal(text).signum() != 0 ? "true" : "false";
                }
                if (type == LiteralType.STRING) {
                    requireLiteralFits(text, ExprKind.BIT);
                    String v = text.trim().toLowerCase(Locale.ROOT);
                    return v.equals("true") || v.equals("1") ? "true" : "false";
                }
            }
            case INTEGER -> {
                if (number) {
                    return new BigDecimal(text).setScale(0, RoundingMode.DOWN).toPlainString();
                }
                if (type == LiteralType.STRING) {
                    requireLiteralFits(text, ExprKind.INTEGER);
                    return new BigDecimal(text.trim()).toPlainString();
                }
            }
            case EXACT, MONEY, FLOAT -> {
                if (number) {
                    return t.sql();
                }
                if (type == LiteralType.STRING) {
                    requireLiteralFits(text, kind);
                    return new BigDecimal(text.trim()).toPlainString();
                }
            }
            case TEXT, FIXED_TEXT -> {
                if (type == LiteralType.STRING) {
                    return t.sql();
                }
                if (type == LiteralType.INTEGER || type == LiteralType.DECIMAL) {
                    return Sql.literal(text);
                }
            }
            case DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID -> {
                if (type == LiteralType.STRING) {
                    requireLiteralFits(text, kind);
                    return t.sql();
                }
            }
            case BINARY -> {
                if (type == LiteralType.BINARY) {
                    return t.sql();
                }
            }
            default -> { }
        }
        throw new Untranslatable("the literal " + t.sql() + " as a " + kind.words());
    }

    /** Refuses a string literal PostgreSQL might read differently from SQL Server as a value of {@code kind}. */
    static void requireLiteralFits(String text, ExprKind kind) {
        String v = text.trim();
        boolean fits = switch (kind) {
            case INTEGER -> INTEGER.matcher(v).matches();
            case EXACT, MONEY, FLOAT -> NUMBER.matcher(v).matches();
            case BIT -> Pattern.compile("(?i)true|false|0|1").matcher(v).matches();
            case DATE -> DATE_LITERAL.matcher(v).matches();
            case TIME -> TIME_LITERAL.matcher(v).matches();
            case TIMESTAMP -> TIMESTAMP_LITERAL.matcher(v).matches();
            // without an offset SQL Server reads +00:00, PostgreSQL the session's time zone
            case TIMESTAMPTZ -> TIMESTAMPTZ_LITERAL.matcher(v).matches();
            case UUID -> UUID_LITERAL.matcher(v).matches();
            default -> false;
        };
        if (!fits) {
            throw new Untranslatable("the literal " + Sql.literal(text) + " as a " + kind.words()
                    + ", which PostgreSQL may read differently");
        }
    }

    /** A side of a comparison with a bit: 0 and 1 become false and true. */
    static Typed asBit(Typed t) {
        if (t.kind() == ExprKind.BIT || t.kind() == ExprKind.NULL) {
            return t;
        }
        if (t.literal() != null && t.kind().numeric()) {
            BigDecimal v = new BigDecimal(t.literal().text());
            if (v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0) {
                return new Typed(v.signum() == 0 ? "false" : "true", ExprKind.BIT);
            }
        }
        throw new Untranslatable("compares a bit with a " + t.kind().words() + (t.literal() != null ? " other than 0 or 1" : ""));
    }

    /** The kind several results (CASE branches, COALESCE arguments) share, as T-SQL's type precedence picks it. */
    static ExprKind common(List<Typed> values, String what) {
        ExprKind kind = ExprKind.NULL;
        for (Typed t : values) {
            ExprKind k = t.kind() == ExprKind.BIT && values.stream().anyMatch(v -> v.kind().numeric()) ? ExprKind.INTEGER : t.kind();
            if (k == ExprKind.NULL || k == kind) {
                continue;
            }
            if (kind == ExprKind.NULL) {
                kind = k;
            } else if (kind.numeric() && k.numeric()) {
                kind = ExprKind.wider(kind, k);
            } else {
                throw new Untranslatable(what + " mixing a " + kind.words() + " and a " + k.words());
            }
        }
        if (kind == ExprKind.PREDICATE) {
            throw new Untranslatable(what + " of conditions");
        }
        return kind;
    }

    /** A result converted to the kind its CASE or COALESCE has: a bit among numbers is 0 or 1. */
    static Typed asKind(Typed t, ExprKind kind) {
        if (t.kind() == ExprKind.BIT && kind.numeric()) {
            return Typed.of("CASE WHEN " + t.sql() + " THEN 1 ELSE 0 END", ExprKind.INTEGER, t);
        }
        return t;
    }
}
