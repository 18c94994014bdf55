package io.migbench.engine.sqlserver.tsql;

/**
 * A translated piece of expression: PostgreSQL text, its kind, and why it is not immutable (PostgreSQL accepts
 * only immutable expressions in generated columns), or {@code null} when it is.
 *
 * @param literal the T-SQL literal this is (sign included), or {@code null}: literals are checked against the
 *                column they are assigned to and fit where an expression would need a cast
 */
record Typed(String sql, ExprKind kind, String notImmutable, TsqlExpr.Literal literal) {
    Typed(String sql, ExprKind kind) {
        this(sql, kind, null, null);
    }

    Typed(String sql, ExprKind kind, String notImmutable) {
        this(sql, kind, notImmutable, null);
    }

    /** The same immutability as the first of {@code parts} that is not immutable. */
    static Typed of(String sql, ExprKind kind, Typed... parts) {
        for (Typed p : parts) {
            if (p != null && p.notImmutable != null) {
                return new Typed(sql, kind, p.notImmutable);
            }
        }
        return new Typed(sql, kind);
    }
}
