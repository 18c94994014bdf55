package io.migbench.engine.sqlserver.tsql;

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
import io.migbench.engine.sqlserver.tsql.TsqlExpr.TypeName;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.Unary;
import io.migbench.engine.sqlserver.tsql.TsqlExpr.When;
import io.migbench.engine.sqlserver.tsql.TsqlToken.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the scalar expressions and predicates SQL Server keeps for defaults, CHECK constraints and computed
 * columns: literals, column references, operators with T-SQL's precedence, IS NULL, IN, BETWEEN, LIKE, CASE,
 * CAST/CONVERT, function calls and NEXT VALUE FOR. Subqueries and anything else are a {@link TsqlSyntaxException}.
 */
final class TsqlParser {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>");
    private static final Set<String> KEYWORD_FUNCTIONS = Set.of("CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER",
            "SYSTEM_USER", "USER");

    private final List<TsqlToken> tokens;
    private int pos;

    private TsqlParser(List<TsqlToken> tokens) {
        this.tokens = tokens;
    }

    static TsqlExpr parse(String text) {
        TsqlParser p = new TsqlParser(TsqlLexer.tokens(text));
        TsqlExpr e = p.expression();
        if (p.peek().type() != Type.END) {
            throw p.unexpected();
        }
        return e;
    }

    private TsqlExpr expression() {
        TsqlExpr left = and();
        while (peek().isWord("OR")) {
            pos++;
            left = new Binary("OR", left, and());
        }
        return left;
    }

    private TsqlExpr and() {
        TsqlExpr left = not();
        while (peek().isWord("AND")) {
            pos++;
            left = new Binary("AND", left, not());
        }
        return left;
    }

    private TsqlExpr not() {
        if (peek().isWord("NOT")) {
            pos++;
            return new Not(not());
        }
        return predicate();
    }

    private TsqlExpr predicate() {
        TsqlExpr left = additive();
        TsqlToken t = peek();
        if (t.type() == Type.OPERATOR && COMPARISONS.contains(t.text())) {
            pos++;
            return new Binary(t.text(), left, additive());
        }
        if (t.isWord("IS")) {
            pos++;
            boolean negated = accept("NOT");
            expectWord("NULL");
            return new IsNull(left, negated);
        }
        boolean negated = false;
        if (t.isWord("NOT") && (peek(1).isWord("IN") || peek(1).isWord("BETWEEN") || peek(1).isWord("LIKE"))) {
            pos++;
            negated = true;
        }
        if (accept("IN")) {
            expectOperator("(");
            List<TsqlExpr> values = new ArrayList<>();
            do {
                values.add(additive());
            } while (acceptOperator(","));
            expectOperator(")");
            return new In(left, values, negated);
        }
        if (accept("BETWEEN")) {
            TsqlExpr low = additive();
            expectWord("AND");
            return new Between(left, low, additive(), negated);
        }
        if (accept("LIKE")) {
            TsqlExpr pattern = additive();
            TsqlExpr escape = accept("ESCAPE") ? additive() : null;
            return new Like(left, pattern, escape, negated);
        }
        if (negated) {
            throw unexpected();
        }
        return left;
    }

    /** T-SQL puts binary {@code + - & ^ |} on one level, below {@code * / %}. */
    private TsqlExpr additive() {
        TsqlExpr left = multiplicative();
        while (peek().type() == Type.OPERATOR && Set.of("+", "-", "&", "^", "|").contains(peek().text())) {
            String op = next().text();
            left = new Binary(op, left, multiplicative());
        }
        return left;
    }

    private TsqlExpr multiplicative() {
        TsqlExpr left = unary();
        while (peek().type() == Type.OPERATOR && Set.of("*", "/", "%").contains(peek().text())) {
            String op = next().text();
            left = new Binary(op, left, unary());
        }
        return left;
    }

    private TsqlExpr unary() {
        TsqlToken t = peek();
        if (t.isOperator("-") || t.isOperator("+") || t.isOperator("~")) {
            pos++;
            return new Unary(t.text(), unary());
        }
        return primary();
    }

    private TsqlExpr primary() {
        TsqlToken t = next();
        switch (t.type()) {
            case INTEGER: return new Literal(LiteralType.INTEGER, t.text());
            case DECIMAL: return new Literal(LiteralType.DECIMAL, t.text());
            case FLOAT: return new Literal(LiteralType.FLOAT, t.text());
            case STRING, NSTRING: return new Literal(LiteralType.STRING, t.text());
            case BINARY: return new Literal(LiteralType.BINARY, t.text());
            case MONEY: return new Literal(LiteralType.MONEY, t.text());
            case OPERATOR:
                if (t.text().equals("(")) {
                    if (peek().isWord("SELECT")) {
                        throw new TsqlSyntaxException("a subquery");
                    }
                    TsqlExpr inner = expression();
                    expectOperator(")");
                    return inner;
                }
                throw unexpected(t);
            case QUOTED_IDENTIFIER:
                return nameOrCall(t.text());
            case IDENTIFIER:
                return word(t);
            default:
                throw unexpected(t);
        }
    }

    private TsqlExpr word(TsqlToken t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "NULL": return new Literal(LiteralType.NULL, "NULL");
            case "CASE": return caseExpression();
            case "CAST", "TRY_CAST": {
                expectOperator("(");
                TsqlExpr operand = expression();
                expectWord("AS");
                TypeName type = typeName();
                expectOperator(")");
                return new Cast(type, operand, null, upper.startsWith("TRY"));
            }
            case "CONVERT", "TRY_CONVERT": {
                expectOperator("(");
                TypeName type = typeName();
                expectOperator(",");
                TsqlExpr operand = expression();
                TsqlExpr style = acceptOperator(",") ? expression() : null;
                expectOperator(")");
                return new Cast(type, operand, style, upper.startsWith("TRY"));
            }
            case "NEXT": {
                expectWord("VALUE");
                expectWord("FOR");
                String first = name(next());
                if (acceptOperator(".")) {
                    return new NextValue(first, name(next()));
                }
                return new NextValue(null, first);
            }
            default:
                if (KEYWORD_FUNCTIONS.contains(upper) && !peek().isOperator("(")) {
                    return new Keyword(upper);
                }
                return nameOrCall(t.text());
        }
    }

    /** {@code name}, {@code name(args)} or {@code schema.name(args)}. */
    private TsqlExpr nameOrCall(String first) {
        if (acceptOperator(".")) {
            String second = name(next());
            if (!peek().isOperator("(")) {
                throw new TsqlSyntaxException("a qualified column name " + first + "." + second);
            }
            return new Call(first, second, arguments());
        }
        if (peek().isOperator("(")) {
            return new Call(null, first, arguments());
        }
        return new ColumnRef(first);
    }

    private List<TsqlExpr> arguments() {
        expectOperator("(");
        List<TsqlExpr> args = new ArrayList<>();
        if (acceptOperator(")")) {
            return args;
        }
        do {
            args.add(expression());
        } while (acceptOperator(","));
        expectOperator(")");
        return args;
    }

    private TsqlExpr caseExpression() {
        TsqlExpr operand = peek().isWord("WHEN") ? null : expression();
        List<When> whens = new ArrayList<>();
        while (accept("WHEN")) {
            TsqlExpr condition = expression();
            expectWord("THEN");
            whens.add(new When(condition, expression()));
        }
        if (whens.isEmpty()) {
            throw unexpected();
        }
        TsqlExpr otherwise = accept("ELSE") ? expression() : null;
        expectWord("END");
        return new Case(operand, whens, otherwise);
    }

    /** {@code [varchar](10)}, {@code decimal(9, 2)}, {@code nvarchar(max)}, {@code int}. */
    private TypeName typeName() {
        TsqlToken t = next();
        if (t.type() != Type.IDENTIFIER && t.type() != Type.QUOTED_IDENTIFIER) {
            throw unexpected(t);
        }
        List<String> args = new ArrayList<>();
        if (acceptOperator("(")) {
            do {
                TsqlToken a = next();
                if (a.type() != Type.INTEGER && !a.isWord("max")) {
                    throw unexpected(a);
                }
                args.add(a.text().toLowerCase(Locale.ROOT));
            } while (acceptOperator(","));
            expectOperator(")");
        }
        return new TypeName(t.text().toLowerCase(Locale.ROOT), args);
    }

    private String name(TsqlToken t) {
        if (t.type() != Type.IDENTIFIER && t.type() != Type.QUOTED_IDENTIFIER) {
            throw unexpected(t);
        }
        return t.text();
    }

    private TsqlToken peek() {
        return tokens.get(pos);
    }

    private TsqlToken peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private TsqlToken next() {
        TsqlToken t = tokens.get(pos);
        if (t.type() != Type.END) {
            pos++;
        }
        return t;
    }

    private boolean accept(String word) {
        if (peek().isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptOperator(String op) {
        if (peek().isOperator(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!accept(word)) {
            throw unexpected();
        }
    }

    private void expectOperator(String op) {
        if (!acceptOperator(op)) {
            throw unexpected();
        }
    }

    private TsqlSyntaxException unexpected() {
        return unexpected(peek());
    }

    private static TsqlSyntaxException unexpected(TsqlToken t) {
        return new TsqlSyntaxException(t.type() == Type.END ? "unexpected end" : "unexpected '" + t.text() + "' at " + t.position());
    }
}
