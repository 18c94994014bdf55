package io.migbench.engine.sqlserver.tsql;

/** One token of a T-SQL expression; {@code text} is the identifier's name without its quotes, a literal's content. */
record TsqlToken(Type type, String text, int position) {
    enum Type { IDENTIFIER, QUOTED_IDENTIFIER, INTEGER, DECIMAL, FLOAT, STRING, NSTRING, BINARY, MONEY, OPERATOR, END }

    boolean is(Type t, String s) {
        return type == t && text.equalsIgnoreCase(s);
    }

    /** A bare word such as {@code AND}, {@code CASE}, {@code getdate}; a quoted identifier is never a keyword. */
    boolean isWord(String word) {
        return is(Type.IDENTIFIER, word);
    }

    boolean isOperator(String op) {
        return is(Type.OPERATOR, op);
    }
}
