package io.migbench.engine.sqlserver.tsql;

import io.migbench.engine.schema.Sql;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Between;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Binary;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Call;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Case;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Cast;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.ColumnRef;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.In;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.IsNull;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Keyword;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Like;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Literal;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.LiteralType;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.NextValue;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Not;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Unary;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.When;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Translates the T-SQL of a table's CHECK constraints, column defaults and computed columns into PostgreSQL, or
 * says why it does not: only what means the same in both is translated. Text comparisons are refused (SQL Server
 * compares by the column's collation, usually case-insensitive, and ignores trailing blanks; PostgreSQL does
 * neither), as are conversions whose text forms differ (dates, floats, money, uniqueidentifier to text), decimal
 * division (SQL Server's result scale), and functions without an equivalent. Literals and constructs are kept
 * faithful where a plain copy would not be: a bit compared with 1 becomes {@code true}, a cast to an integer
 * truncates as T-SQL's does, {@code LEN} ignores trailing blanks.
 */
public final class TsqlTranslator {
    private final Map<String, TsqlColumn> exact = new HashMap<>();
    private final Map<String, TsqlColumn> folded = new HashMap<>();
    private final BiFunction<String, String, String> sequences;
    private final TsqlFunctions functions = new TsqlFunctions(this);

    /**
     * @param columns   the table's columns
     * @param sequences the target's quoted name of a migrated sequence, given its T-SQL schema (or {@code null}) and
     *                  name; {@code null} when that sequence is not migrated
     */
    public TsqlTranslator(List<TsqlColumn> columns, BiFunction<String, String, String> sequences) {
        for (TsqlColumn c : columns) {
            exact.put(c.name(), c);
            folded.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
        }
        this.sequences = sequences;
    }

    /** A CHECK constraint's condition. */
    public Translation check(String definition) {
        return translate(definition, t -> {
            if (t.kind() != ExprKind.PREDICATE) {
                throw new Untranslatable("not a condition");
            }
            return t.sql();
        });
    }

    /** A DEFAULT for {@code column}; the expression's value is converted as SQL Server converts it on insert. */
    public Translation columnDefault(String definition, TsqlColumn column) {
        return translate(definition, t -> TsqlCasts.assign(t, column).sql());
    }

    /** The expression of a computed column, for a PostgreSQL generated column: it must be immutable there. */
    public Translation computed(String definition, TsqlColumn column) {
        return translate(definition, t -> {
            Typed assigned = TsqlCasts.assign(t, column);
            if (assigned.notImmutable() != null) {
                throw new Untranslatable("uses " + assigned.notImmutable() + ", which a PostgreSQL generated column cannot");
            }
            return assigned.sql();
        });
    }

    private interface Finisher {
        String finish(Typed t);
    }

    private Translation translate(String definition, Finisher finisher) {
        try {
            return Translation.of(finisher.finish(translate(TsqlParser.parse(definition))));
        } catch (TsqlSyntaxException e) {
            return Translation.refused("not read as a T-SQL expression (" + e.getMessage() + ")");
        } catch (Untranslatable e) {
            return Translation.refused(e.getMessage());
        }
    }

    Typed translate(TsqlExpr e) {
        if (e instanceof Literal l) {
            return literal(l);
        }
        if (e instanceof ColumnRef c) {
            return column(c.name());
        }
        if (e instanceof Unary u) {
            return unary(u);
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Not n) {
            Typed operand = predicate(n.operand());
            return Typed.of("(NOT " + operand.sql() + ")", ExprKind.PREDICATE, operand);
        }
        if (e instanceof IsNull n) {
            Typed t = translate(n.operand());
            return Typed.of("(" + t.sql() + (n.negated() ? " IS NOT NULL)" : " IS NULL)"), ExprKind.PREDICATE, t);
        }
        if (e instanceof In in) {
            return in(in);
        }
        if (e instanceof Between b) {
            return between(b);
        }
        if (e instanceof Like l) {
            throw like(l);
        }
        if (e instanceof Case c) {
            return caseExpression(c);
        }
        if (e instanceof Cast c) {
            return TsqlCasts.cast(c, translate(c.operand()), c.style() == null ? null : translate(c.style()));
        }
        if (e instanceof Call c) {
            return functions.call(c);
        }
        if (e instanceof Keyword k) {
            return functions.keyword(k.name());
        }
        if (e instanceof NextValue n) {
            return nextValue(n);
        }
        throw new IllegalStateException("unexpected expression " + e);
    }

    Typed predicate(TsqlExpr e) {
        Typed t = translate(e);
        if (t.kind() != ExprKind.PREDICATE) {
            throw new Untranslatable("a " + t.kind().words() + " where T-SQL needs a condition");
        }
        return t;
    }

    private static Typed literal(Literal l) {
        return switch (l.type()) {
            case INTEGER, DECIMAL, MONEY -> new Typed(l.text(), l.type() == LiteralType.INTEGER ? ExprKind.INTEGER
                    : ExprKind.EXACT, null, l);
            // 1.5E3 is a float in T-SQL, a numeric in PostgreSQL
            case FLOAT -> new Typed("CAST(" + l.text() + " AS double precision)", ExprKind.FLOAT, null, l);
            case STRING -> {
                if (l.text().indexOf('\0') >= 0) {
                    throw new Untranslatable("a string with a NUL character");
                }
                yield new Typed(Sql.literal(l.text()), ExprKind.TEXT, null, l);
            }
            case BINARY -> new Typed("CAST('\\x" + (l.text().length() % 2 == 1 ? "0" : "") + l.text() + "' AS bytea)",
                    ExprKind.BINARY, null, l);
            case NULL -> new Typed("NULL", ExprKind.NULL, null, l);
        };
    }

    private Typed column(String name) {
        TsqlColumn c = exact.get(name);
        if (c == null) {
            c = folded.get(name.toLowerCase(Locale.ROOT));
        }
        if (c == null) {
            throw new Untranslatable("names " + name + ", which is not a column of the table");
        }
        if (c.kind() == ExprKind.OTHER) {
            throw new Untranslatable("uses column " + name + " of type " + c.sourceType() + " (mapped to "
                    + c.targetType().sql() + ")");
        }
        return new Typed(Sql.ident(c.targetName()), c.kind());
    }

    private Typed unary(Unary u) {
        Typed t = translate(u.operand());
        if (u.op().equals("~")) {
            requireKind(t, ExprKind.INTEGER, "~");
            return Typed.of("(~" + t.sql() + ")", ExprKind.INTEGER, t);
        }
        if (!t.kind().numeric()) {
            throw new Untranslatable("unary " + u.op() + " on a " + t.kind().words());
        }
        if (u.op().equals("+")) {
            return t;
        }
        Literal negated = t.literal() == null ? null : new Literal(t.literal().type(), negate(t.literal().text()));
        String sql = negated != null && t.literal().type() != LiteralType.FLOAT ? negated.text() : "(-" + t.sql() + ")";
        return new Typed(sql, t.kind(), t.notImmutable(), negated);
    }

    private static String negate(String number) {
        return number.startsWith("-") ? number.substring(1) : "-" + number;
    }

    private Typed binary(Binary b) {
        switch (b.op()) {
            case "AND", "OR" -> {
                Typed l = predicate(b.left());
                Typed r = predicate(b.right());
                return Typed.of("(" + l.sql() + " " + b.op() + " " + r.sql() + ")", ExprKind.PREDICATE, l, r);
            }
            case "=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>" -> {
                String op = switch (b.op()) {
                    case "!=" -> "<>";
                    case "!<" -> ">=";
                    case "!>" -> "<=";
                    default -> b.op();
                };
                Typed[] sides = comparable(translate(b.left()), translate(b.right()), !op.equals("=") && !op.equals("<>"));
                return Typed.of("(" + sides[0].sql() + " " + op + " " + sides[1].sql() + ")", ExprKind.PREDICATE, sides);
            }
            default -> {
                return arithmetic(b.op(), translate(b.left()), translate(b.right()));
            }
        }
    }

    private static Typed arithmetic(String op, Typed l, Typed r) {
        if (op.equals("+") && (l.kind().textual() || r.kind().textual())) {
            for (Typed t : new Typed[] {l, r}) {
                if (t.kind() == ExprKind.FIXED_TEXT) {
                    throw new Untranslatable("joins a char(n) value, whose trailing blanks T-SQL keeps and PostgreSQL drops");
                }
                if (t.kind() != ExprKind.TEXT && t.kind() != ExprKind.NULL) {
                    throw new Untranslatable("adds a " + t.kind().words() + " to text");
                }
            }
            return Typed.of("(" + l.sql() + " || " + r.sql() + ")", ExprKind.TEXT, l, r);
        }
        for (Typed t : new Typed[] {l, r}) {
            if (!t.kind().numeric() && t.kind() != ExprKind.NULL) {
                throw new Untranslatable("operator " + op + " on a " + t.kind().words());
            }
        }
        ExprKind kind = ExprKind.wider(l.kind() == ExprKind.NULL ? r.kind() : l.kind(),
                r.kind() == ExprKind.NULL ? l.kind() : r.kind());
        String pgOp = op;
        switch (op) {
            case "*", "/", "%" -> {
                if (l.kind() == ExprKind.MONEY || r.kind() == ExprKind.MONEY) {
                    throw new Untranslatable("money " + (op.equals("*") ? "multiplication" : "division")
                            + ", which SQL Server rounds to 4 decimals at each step");
                }
                if (op.equals("/") && kind != ExprKind.FLOAT && kind != ExprKind.INTEGER) {
                    throw new Untranslatable("decimal division, whose result scale SQL Server sets by its own rules");
                }
                if (op.equals("%") && kind == ExprKind.FLOAT) {
                    throw new Untranslatable("% on a float");
                }
            }
            case "&", "|", "^" -> {
                requireKind(l, ExprKind.INTEGER, op);
                requireKind(r, ExprKind.INTEGER, op);
                pgOp = op.equals("^") ? "#" : op;
            }
            default -> { }
        }
        return Typed.of("(" + l.sql() + " " + pgOp + " " + r.sql() + ")", kind, l, r);
    }

    private static void requireKind(Typed t, ExprKind kind, String op) {
        if (t.kind() != kind && t.kind() != ExprKind.NULL) {
            throw new Untranslatable("operator " + op + " on a " + t.kind().words());
        }
    }

    /**
     * Both sides of a comparison, made comparable in PostgreSQL: numbers with numbers, a bit with a bit or with
     * 0/1, dates and times with their own kind or an ISO literal, uniqueidentifiers for (in)equality only.
     */
    Typed[] comparable(Typed l, Typed r, boolean ordering) {
        if (l.kind() == ExprKind.NULL || r.kind() == ExprKind.NULL) {
            return new Typed[] {l, r};
        }
        if (l.kind().textual() || r.kind().textual()) {
            // a string literal against a date, a time or a uniqueidentifier is read as one
            Typed literal = stringLiteral(l) ? l : stringLiteral(r) ? r : null;
            Typed other = literal == l ? r : l;
            if (literal != null && (other.kind().temporal() || other.kind() == ExprKind.UUID)) {
                TsqlCasts.requireLiteralFits(literal.literal().text(), other.kind());
                if (other.kind() == ExprKind.UUID && ordering) {
                    throw new Untranslatable("orders uniqueidentifiers, which SQL Server sorts by their last bytes first");
                }
                return new Typed[] {l, r};
            }
            throw new Untranslatable("compares text, which SQL Server does by the column's collation (case, accents, "
                    + "trailing blanks) and PostgreSQL does not");
        }
        if (l.kind().numeric() && r.kind().numeric()) {
            return new Typed[] {l, r};
        }
        if (l.kind() == ExprKind.BIT || r.kind() == ExprKind.BIT) {
            return new Typed[] {TsqlCasts.asBit(l), TsqlCasts.asBit(r)};
        }
        if (l.kind().temporal() && r.kind().temporal()) {
            if ((l.kind() == ExprKind.TIME) != (r.kind() == ExprKind.TIME)
                    || (l.kind() == ExprKind.TIMESTAMPTZ) != (r.kind() == ExprKind.TIMESTAMPTZ)) {
                throw new Untranslatable("compares a " + l.kind().words() + " with a " + r.kind().words());
            }
            return new Typed[] {l, r};
        }
        if (l.kind() == ExprKind.UUID && r.kind() == ExprKind.UUID && !ordering) {
            return new Typed[] {l, r};
        }
        throw new Untranslatable("compares a " + l.kind().words() + " with a " + r.kind().words()
                + (l.kind() == r.kind() ? " this way" : ""));
    }

    private static boolean stringLiteral(Typed t) {
        return t.literal() != null && t.literal().type() == LiteralType.STRING;
    }

    private Typed in(In in) {
        Typed operand = translate(in.operand());
        List<String> values = new ArrayList<>();
        List<Typed> parts = new ArrayList<>(List.of(operand));
        for (TsqlExpr v : in.values()) {
            Typed[] sides = comparable(operand, translate(v), false);
            values.add(sides[1].sql());
            parts.add(sides[1]);
            operand = sides[0];
        }
        return Typed.of("(" + operand.sql() + (in.negated() ? " NOT IN (" : " IN (") + String.join(", ", values) + "))",
                ExprKind.PREDICATE, parts.toArray(Typed[]::new));
    }

    private Typed between(Between b) {
        Typed operand = translate(b.operand());
        Typed[] low = comparable(operand, translate(b.low()), true);
        Typed[] high = comparable(low[0], translate(b.high()), true);
        return Typed.of("(" + high[0].sql() + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + low[1].sql() + " AND "
                + high[1].sql() + ")", ExprKind.PREDICATE, high[0], low[1], high[1]);
    }

    private Untranslatable like(Like l) {
        Typed operand = translate(l.operand());
        return new Untranslatable(operand.kind().textual()
                ? "LIKE on text, which SQL Server matches by the column's collation, ignoring trailing blanks"
                : "LIKE on a " + operand.kind().words());
    }

    private Typed caseExpression(Case c) {
        Typed operand = c.operand() == null ? null : translate(c.operand());
        List<Typed> parts = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        if (operand != null) {
            parts.add(operand);
        }
        for (When w : c.whens()) {
            Typed condition = operand == null ? predicate(w.condition())
                    : comparable(operand, translate(w.condition()), false)[1];
            parts.add(condition);
            conditions.add(condition.sql());
            results.add(translate(w.result()));
        }
        if (c.otherwise() != null) {
            results.add(translate(c.otherwise()));
        }
        ExprKind kind = TsqlCasts.common(results, "CASE");
        parts.addAll(results);
        StringBuilder sql = new StringBuilder("CASE");
        if (operand != null) {
            sql.append(' ').append(operand.sql());
        }
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(" WHEN ").append(conditions.get(i)).append(" THEN ").append(TsqlCasts.asKind(results.get(i), kind).sql());
        }
        if (c.otherwise() != null) {
            sql.append(" ELSE ").append(TsqlCasts.asKind(results.get(results.size() - 1), kind).sql());
        }
        return Typed.of(sql.append(" END").toString(), kind, parts.toArray(Typed[]::new));
    }

    Typed nextValue(NextValue n) {
        String quoted = sequences.apply(n.schema(), n.sequence());
        if (quoted == null) {
            throw new Untranslatable("draws from sequence " + (n.schema() == null ? "" : n.schema() + ".") + n.sequence()
                    + ", which is not migrated");
        }
        return new Typed("nextval(" + Sql.literal(quoted) + "::regclass)", ExprKind.INTEGER, "a sequence");
    }
}
