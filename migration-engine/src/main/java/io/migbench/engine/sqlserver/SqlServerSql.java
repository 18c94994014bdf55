package io.migbench.engine.sqlserver;

import java.util.List;

/** T-SQL text helpers: identifier quoting. */
public final class SqlServerSql {
    private SqlServerSql() {}

    /** {@code [name]} with {@code ]} doubled, T-SQL's quoting that works whatever QUOTED_IDENTIFIER is. */
    public static String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    public static String quoteAll(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(SqlServerSql::quote).toList());
    }
}
