package io.migbench.engine.sqlserver.tsql;

/**
 * The PostgreSQL form of a T-SQL expression, or the reason there is none.
 *
 * @param sql    PostgreSQL expression text, or {@code null}
 * @param reason why it does not translate, or {@code null}
 */
public record Translation(String sql, String reason) {
    static Translation of(String sql) {
        return new Translation(sql, null);
    }

    static Translation refused(String reason) {
        return new Translation(null, reason);
    }

    public boolean translated() {
        return sql != null;
    }
}
