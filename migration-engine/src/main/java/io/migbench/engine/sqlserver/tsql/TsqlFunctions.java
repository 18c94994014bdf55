package io.migbench.engine.sqlserver.tsql;

import io.migbench.engine.sqlserver.tsql.TsqlExpr.Call;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.ColumnRef;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.LiteralType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * T-SQL built-in functions with a PostgreSQL equivalent of the same value: the current time and user, NEWID,
 * ISNULL/COALESCE/NULLIF/IIF, string functions on varchar/nvarchar (LEN ignores trailing blanks, as in T-SQL),
 * arithmetic, and the date parts, DATEADD, DATEDIFF (day, month, quarter, year) and EOMONTH of dates and datetimes.
 * Anything else, and any user function, is {@link Untranslatable}.
 */
final class TsqlFunctions {
    private static final String NOW = "the current time";
    /** DATEPART names and abbreviations → EXTRACT field. */
    private static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("year", "YEAR"), Map.entry("yy", "YEAR"), Map.entry("yyyy", "YEAR"),
            Map.entry("quarter", "QUARTER"), Map.entry("qq", "QUARTER"), Map.entry("q", "QUARTER"),
            Map.entry("month", "MONTH"), Map.entry("mm", "MONTH"), Map.entry("m", "MONTH"),
            Map.entry("dayofyear", "DOY"), Map.entry("dy", "DOY"), Map.entry("y", "DOY"),
            Map.entry("day", "DAY"), Map.entry("dd", "DAY"), Map.entry("d", "DAY"),
            Map.entry("hour", "HOUR"), Map.entry("hh", "HOUR"),
            Map.entry("minute", "MINUTE"), Map.entry("mi", "MINUTE"), Map.entry("n", "MINUTE"),
            Map.entry("second", "SECOND"), Map.entry("ss", "SECOND"), Map.entry("s", "SECOND"),
            Map.entry("week", "WEEK"), Map.entry("wk", "WEEK"), Map.entry("ww", "WEEK"));

    private final TsqlTranslator translator;

    TsqlFunctions(TsqlTranslator translator) {
        this.translator = translator;
    }

    Typed keyword(String name) {
        return switch (name) {
            case "CURRENT_TIMESTAMP" -> new Typed("LOCALTIMESTAMP", ExprKind.TIMESTAMP, NOW);
            case "CURRENT_USER", "USER" -> new Typed("CURRENT_USER", ExprKind.TEXT, "the current user");
            default -> new Typed("SESSION_USER", ExprKind.TEXT, "the current user");
        };
    }

    Typed call(Call c) {
        if (c.schema() != null) {
            throw new Untranslatable("calls " + c.schema() + "." + c.name() + ", a user function");
        }
        String name = c.name().toLowerCase(Locale.ROOT);
        List<TsqlExpr> args = c.arguments();
        switch (name) {
            case "datepart", "dateadd", "datediff" -> {
                return dateFunction(name, args);
            }
            case "iif" -> {
                arity(name, args, 3);
                Typed condition = translator.predicate(args.get(0));
                List<Typed> results = List.of(translator.translate(args.get(1)), translator.translate(args.get(2)));
                ExprKind kind = TsqlCasts.common(results, "IIF");
                return Typed.of("CASE WHEN " + condition.sql() + " THEN " + TsqlCasts.asKind(results.get(0), kind).sql()
                        + " ELSE " + TsqlCasts.asKind(results.get(1), kind).sql() + " END", kind,
                        condition, results.get(0), results.get(1));
            }
            default -> {
                List<Typed> typed = new ArrayList<>();
                for (TsqlExpr a : args) {
                    typed.add(translator.translate(a));
                }
                return scalar(name, typed);
            }
        }
    }

    private Typed scalar(String name, List<Typed> a) {
        switch (name) {
            case "nextval" -> {
                // Babelfish shows NEXT VALUE FOR seq as nextval('seq'); T-SQL has no nextval of its own
                arity(name, a, 1);
                if (a.get(0).literal() == null || a.get(0).literal().type() != LiteralType.STRING) {
                    throw new Untranslatable("NEXTVAL of a " + a.get(0).kind().words());
                }
                String sequence = a.get(0).literal().text();
                int dot = sequence.lastIndexOf('.');
                return translator.nextValue(new TsqlExpr.NextValue(dot < 0 ? null : sequence.substring(0, dot),
                        sequence.substring(dot + 1)));
            }
            case "getdate", "sysdatetime" -> {
                arity(name, a, 0);
                return new Typed("LOCALTIMESTAMP", ExprKind.TIMESTAMP, NOW);
            }
            case "getutcdate", "sysutcdatetime" -> {
                arity(name, a, 0);
                return new Typed("(now() AT TIME ZONE 'UTC')", ExprKind.TIMESTAMP, NOW);
            }
            case "sysdatetimeoffset" -> {
                arity(name, a, 0);
                return new Typed("CURRENT_TIMESTAMP", ExprKind.TIMESTAMPTZ, NOW);
            }
            case "newid", "newsequentialid" -> {
                arity(name, a, 0);
                return new Typed("gen_random_uuid()", ExprKind.UUID, "a random value");
            }
            case "suser_sname", "suser_name" -> {
                arity(name, a, 0);
                return new Typed("SESSION_USER", ExprKind.TEXT, "the current user");
            }
            case "user_name" -> {
                arity(name, a, 0);
                return new Typed("CURRENT_USER", ExprKind.TEXT, "the current user");
            }
            case "db_name" -> {
                arity(name, a, 0);
                return new Typed("current_database()", ExprKind.TEXT, "the current database");
            }
            case "app_name" -> {
                arity(name, a, 0);
                return new Typed("current_setting('application_name')", ExprKind.TEXT, "the application name");
            }
            case "isnull", "coalesce" -> {
                if (a.size() < 2 || name.equals("isnull") && a.size() != 2) {
                    throw arityError(name);
                }
                ExprKind kind = TsqlCasts.common(a, name.toUpperCase(Locale.ROOT));
                return Typed.of("coalesce(" + String.join(", ", a.stream().map(t -> TsqlCasts.asKind(t, kind).sql()).toList())
                        + ")", kind, a.toArray(Typed[]::new));
            }
            case "nullif" -> {
                arity(name, a, 2);
                Typed[] sides = translator.comparable(a.get(0), a.get(1), false);
                return Typed.of("nullif(" + sides[0].sql() + ", " + sides[1].sql() + ")", sides[0].kind(), sides);
            }
            case "len" -> {
                arity(name, a, 1);
                text(name, a.get(0), true);
                return Typed.of("length(rtrim(" + a.get(0).sql() + "))", ExprKind.INTEGER, a.get(0));
            }
            case "upper", "lower", "reverse" -> {
                arity(name, a, 1);
                text(name, a.get(0), name.equals("upper") || name.equals("lower"));
                return Typed.of(name + "(" + a.get(0).sql() + ")", a.get(0).kind(), a.get(0));
            }
            case "ltrim", "rtrim", "trim" -> {
                arity(name, a, 1);
                // rtrim drops a char(n) value's padding in both; ltrim and trim of one would keep it in T-SQL only
                text(name, a.get(0), name.equals("rtrim"));
                return Typed.of((name.equals("trim") ? "btrim" : name) + "(" + a.get(0).sql() + ")", ExprKind.TEXT, a.get(0));
            }
            case "left", "right" -> {
                arity(name, a, 2);
                text(name, a.get(0), false);
                integer(name, a.get(1));
                return Typed.of(name + "(" + a.get(0).sql() + ", " + a.get(1).sql() + ")", ExprKind.TEXT, a.get(0), a.get(1));
            }
            case "substring" -> {
                arity(name, a, 3);
                if (a.get(0).kind() != ExprKind.BINARY) {
                    text(name, a.get(0), false);
                }
                integer(name, a.get(1));
                integer(name, a.get(2));
                return Typed.of("substring(" + a.get(0).sql() + ", " + a.get(1).sql() + ", " + a.get(2).sql() + ")",
                        a.get(0).kind(), a.get(0), a.get(1), a.get(2));
            }
            case "replace" -> {
                arity(name, a, 3);
                text(name, a.get(0), false);
                caseless(name, a.get(1));
                text(name, a.get(2), false);
                return Typed.of("replace(" + a.get(0).sql() + ", " + a.get(1).sql() + ", " + a.get(2).sql() + ")",
                        ExprKind.TEXT, a.get(0), a.get(1), a.get(2));
            }
            case "charindex" -> {
                arity(name, a, 2);
                caseless(name, a.get(0));
                text(name, a.get(1), false);
                return Typed.of("strpos(" + a.get(1).sql() + ", " + a.get(0).sql() + ")", ExprKind.INTEGER, a.get(0), a.get(1));
            }
            case "replicate" -> {
                arity(name, a, 2);
                text(name, a.get(0), false);
                integer(name, a.get(1));
                return Typed.of("repeat(" + a.get(0).sql() + ", " + a.get(1).sql() + ")", ExprKind.TEXT, a.get(0), a.get(1));
            }
            case "space" -> {
                arity(name, a, 1);
                integer(name, a.get(0));
                return Typed.of("repeat(' ', " + a.get(0).sql() + ")", ExprKind.TEXT, a.get(0));
            }
            case "concat" -> {
                if (a.size() < 2) {
                    throw arityError(name);
                }
                List<String> parts = new ArrayList<>();
                for (Typed t : a) {
                    if (t.kind() == ExprKind.INTEGER || t.kind() == ExprKind.EXACT) {
                        parts.add("coalesce(CAST(" + t.sql() + " AS text), '')");
                    } else {
                        text(name, t, false);
                        parts.add("coalesce(" + t.sql() + ", '')");
                    }
                }
                // concat() itself is not immutable in PostgreSQL; || of coalesced texts is
                return Typed.of("(" + String.join(" || ", parts) + ")", ExprKind.TEXT, a.toArray(Typed[]::new));
            }
            case "abs", "ceiling", "floor" -> {
                arity(name, a, 1);
                numeric(name, a.get(0));
                return Typed.of((name.equals("ceiling") ? "ceil" : name) + "(" + a.get(0).sql() + ")", a.get(0).kind(), a.get(0));
            }
            case "sign" -> {
                arity(name, a, 1);
                numeric(name, a.get(0));
                String sql = "sign(" + a.get(0).sql() + ")";
                return Typed.of(a.get(0).kind() == ExprKind.INTEGER ? "CAST(" + sql + " AS integer)" : sql, a.get(0).kind(), a.get(0));
            }
            case "sqrt", "exp", "log", "log10" -> {
                arity(name, a, 1);
                numeric(name, a.get(0));
                String pg = name.equals("log") ? "ln" : name;
                return Typed.of(pg + "(CAST(" + a.get(0).sql() + " AS double precision))", ExprKind.FLOAT, a.get(0));
            }
            case "power" -> {
                arity(name, a, 2);
                if (a.get(0).kind() != ExprKind.FLOAT) {
                    throw new Untranslatable("POWER of a " + a.get(0).kind().words() + ", whose result T-SQL gives that type");
                }
                numeric(name, a.get(1));
                return Typed.of("power(" + a.get(0).sql() + ", " + a.get(1).sql() + ")", ExprKind.FLOAT, a.get(0), a.get(1));
            }
            case "round" -> {
                arity(name, a, 2);
                ExprKind k = a.get(0).kind();
                if (k != ExprKind.INTEGER && k != ExprKind.EXACT && k != ExprKind.MONEY) {
                    throw new Untranslatable("ROUND of a " + k.words());
                }
                integer(name, a.get(1));
                return Typed.of("round(" + a.get(0).sql() + ", " + a.get(1).sql() + ")", ExprKind.EXACT, a.get(0), a.get(1));
            }
            case "year", "month", "day" -> {
                arity(name, a, 1);
                return extract(PARTS.get(name), a.get(0));
            }
            case "eomonth" -> {
                arity(name, a, 1);
                dateOrDatetime(name, a.get(0));
                return Typed.of("CAST(date_trunc('month', CAST(" + a.get(0).sql() + " AS timestamp)) + interval '1 month -1 day'"
                        + " AS date)", ExprKind.DATE, a.get(0));
            }
            default -> throw new Untranslatable("calls " + name.toUpperCase(Locale.ROOT)
                    + ", which has no PostgreSQL translation here");
        }
    }

    private Typed dateFunction(String name, List<TsqlExpr> args) {
        arity(name, args, name.equals("datepart") ? 2 : 3);
        if (!(args.get(0) instanceof ColumnRef part)) {
            throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " without a date part name");
        }
        String field = PARTS.get(part.name().toLowerCase(Locale.ROOT));
        if (field == null || field.equals("WEEK")) {
            throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " of " + part.name()
                    + (field == null ? "" : ", whose numbering depends on DATEFIRST"));
        }
        List<Typed> a = new ArrayList<>();
        for (TsqlExpr e : args.subList(1, args.size())) {
            a.add(translator.translate(e));
        }
        return switch (name) {
            case "datepart" -> extract(field, a.get(0));
            case "dateadd" -> dateadd(field, a.get(0), a.get(1));
            default -> datediff(field, a.get(0), a.get(1));
        };
    }

    /** DATEPART as an integer; SECOND without its fraction, as in T-SQL. */
    private static Typed extract(String field, Typed d) {
        boolean timeField = field.equals("HOUR") || field.equals("MINUTE") || field.equals("SECOND");
        if (!(d.kind() == ExprKind.TIMESTAMP || d.kind() == ExprKind.DATE && !timeField
                || d.kind() == ExprKind.TIME && timeField)) {
            throw new Untranslatable("the " + field.toLowerCase(Locale.ROOT) + " of a " + d.kind().words()
                    + (d.kind() == ExprKind.TIMESTAMPTZ ? ", which T-SQL takes at the value's own offset" : ""));
        }
        String extract = "EXTRACT(" + field + " FROM " + d.sql() + ")";
        return Typed.of("CAST(" + (field.equals("SECOND") ? "floor(" + extract + ")" : extract) + " AS integer)",
                ExprKind.INTEGER, d);
    }

    private static Typed dateadd(String field, Typed n, Typed d) {
        integer("DATEADD", n);
        boolean timeField = field.equals("HOUR") || field.equals("MINUTE") || field.equals("SECOND");
        if (!(d.kind() == ExprKind.TIMESTAMP || d.kind() == ExprKind.DATE && !timeField
                || d.kind() == ExprKind.TIME && timeField)) {
            throw new Untranslatable("DATEADD of " + field.toLowerCase(Locale.ROOT) + " to a " + d.kind().words());
        }
        String count = "CAST(" + n.sql() + " AS integer)";
        String interval = switch (field) {
            case "YEAR" -> "years => " + count;
            case "QUARTER" -> "months => 3 * " + count;
            case "MONTH" -> "months => " + count;
            case "DOY", "DAY" -> "days => " + count;
            case "HOUR" -> "hours => " + count;
            case "MINUTE" -> "mins => " + count;
            default -> "secs => " + count;
        };
        String sum = "(" + d.sql() + " + make_interval(" + interval + "))";
        return Typed.of(d.kind() == ExprKind.TIMESTAMP ? sum : "CAST(" + sum + " AS " + (d.kind() == ExprKind.DATE ? "date" : "time") + ")",
                d.kind(), n, d);
    }

    /** DATEDIFF counts boundaries crossed: days between the dates, months between the months, and so on. */
    private static Typed datediff(String field, Typed from, Typed to) {
        dateOrDatetime("DATEDIFF", from);
        dateOrDatetime("DATEDIFF", to);
        String sql = switch (field) {
            case "DAY", "DOY" -> "(CAST(" + to.sql() + " AS date) - CAST(" + from.sql() + " AS date))";
            case "YEAR" -> "CAST(" + yearsOf(to, 1) + " - " + yearsOf(from, 1) + " AS integer)";
            case "QUARTER" -> "CAST((" + yearsOf(to, 4) + " + EXTRACT(QUARTER FROM " + to.sql() + ")) - (" + yearsOf(from, 4)
                    + " + EXTRACT(QUARTER FROM " + from.sql() + ")) AS integer)";
            case "MONTH" -> "CAST((" + yearsOf(to, 12) + " + EXTRACT(MONTH FROM " + to.sql() + ")) - (" + yearsOf(from, 12)
                    + " + EXTRACT(MONTH FROM " + from.sql() + ")) AS integer)";
            default -> throw new Untranslatable("DATEDIFF in " + field.toLowerCase(Locale.ROOT) + "s");
        };
        return Typed.of(sql, ExprKind.INTEGER, from, to);
    }

    private static String yearsOf(Typed d, int factor) {
        return (factor == 1 ? "" : factor + " * ") + "EXTRACT(YEAR FROM " + d.sql() + ")";
    }

    private static void dateOrDatetime(String name, Typed t) {
        if (t.kind() != ExprKind.DATE && t.kind() != ExprKind.TIMESTAMP) {
            throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " of a " + t.kind().words());
        }
    }

    /** varchar-like text (or NULL); a char(n) value only where its padding makes no difference. */
    private static void text(String name, Typed t, boolean fixedAllowed) {
        if (t.kind() == ExprKind.TEXT || t.kind() == ExprKind.NULL || fixedAllowed && t.kind() == ExprKind.FIXED_TEXT) {
            return;
        }
        throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " of a " + t.kind().words()
                + (t.kind() == ExprKind.FIXED_TEXT ? ", whose trailing blanks T-SQL keeps and PostgreSQL drops" : ""));
    }

    /** A search string whose matches do not depend on the collation: a literal without letters. */
    private static void caseless(String name, Typed t) {
        if (t.literal() == null || t.literal().type() != LiteralType.STRING || t.literal().text().isEmpty()
                || t.literal().text().codePoints().anyMatch(Character::isLetter)) {
            throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " searching for " + t.sql()
                    + ", which SQL Server matches by the collation");
        }
    }

    private static void integer(String name, Typed t) {
        if (t.kind() != ExprKind.INTEGER && t.kind() != ExprKind.NULL) {
            throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " with a " + t.kind().words() + " count");
        }
    }

    private static void numeric(String name, Typed t) {
        if (!t.kind().numeric() && t.kind() != ExprKind.NULL) {
            throw new Untranslatable(name.toUpperCase(Locale.ROOT) + " of a " + t.kind().words());
        }
    }

    private static void arity(String name, List<?> args, int count) {
        if (args.size() != count) {
            throw arityError(name);
        }
    }

    private static Untranslatable arityError(String name) {
        return new Untranslatable(name.toUpperCase(Locale.ROOT) + " with an unexpected number of arguments");
    }
}
