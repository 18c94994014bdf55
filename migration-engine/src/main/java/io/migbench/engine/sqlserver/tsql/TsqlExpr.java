package io.migbench.engine.sqlserver.tsql;

import java.util.List;

/** The parsed form of a T-SQL scalar expression or predicate, as far as {@link TsqlParser} reads T-SQL. */
sealed interface TsqlExpr {
    enum LiteralType { INTEGER, DECIMAL, FLOAT, STRING, BINARY, MONEY, NULL }

    /** {@code text} is the number's digits, the string's content or the binary literal's hex digits. */
    record Literal(LiteralType type, String text) implements TsqlExpr {}

    record ColumnRef(String name) implements TsqlExpr {}

    /** {@code -}, {@code +} or {@code ~} before an operand. */
    record Unary(String op, TsqlExpr operand) implements TsqlExpr {}

    /** Arithmetic, string, bitwise and comparison operators, {@code AND}, {@code OR} (upper-cased). */
    record Binary(String op, TsqlExpr left, TsqlExpr right) implements TsqlExpr {}

    record Not(TsqlExpr operand) implements TsqlExpr {}

    record IsNull(TsqlExpr operand, boolean negated) implements TsqlExpr {}

    record In(TsqlExpr operand, List<TsqlExpr> values, boolean negated) implements TsqlExpr {}

    record Between(TsqlExpr operand, TsqlExpr low, TsqlExpr high, boolean negated) implements TsqlExpr {}

    record Like(TsqlExpr operand, TsqlExpr pattern, TsqlExpr escape, boolean negated) implements TsqlExpr {}

    record When(TsqlExpr condition, TsqlExpr result) implements TsqlExpr {}

    /** {@code operand} is {@code null} for a searched CASE, {@code otherwise} when there is no ELSE. */
    record Case(TsqlExpr operand, List<When> whens, TsqlExpr otherwise) implements TsqlExpr {}

    /** A type as written in CAST or CONVERT: {@code varchar(10)}, {@code decimal(9,2)}, {@code nvarchar(max)}. */
    record TypeName(String name, List<String> arguments) {
        public TypeName {
            arguments = List.copyOf(arguments);
        }
    }

    /** CAST, CONVERT (with its style, or {@code null}), and their TRY_ forms. */
    record Cast(TypeName type, TsqlExpr operand, TsqlExpr style, boolean tryCast) implements TsqlExpr {}

    /** A function call; {@code schema} is set for a user function ({@code [dbo].[f](...)}). */
    record Call(String schema, String name, List<TsqlExpr> arguments) implements TsqlExpr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** A niladic keyword function: CURRENT_TIMESTAMP, CURRENT_USER, SESSION_USER, SYSTEM_USER, USER. */
    record Keyword(String name) implements TsqlExpr {}

    /** {@code NEXT VALUE FOR schema.sequence}. */
    record NextValue(String schema, String sequence) implements TsqlExpr {}
}
