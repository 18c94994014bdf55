package io.migbench.engine.sqlserver;

import java.util.List;
import java.util.regex.Pattern;

/** T-SQL text helpers: identifier quoting and table-name globs. */
public final class SqlServerSql {
    private SqlServerSql() {}

    /** {@code [name]} with {@code ]} doubled, T-SQL's quoting that works whatever QUOTED_IDENTIFIER is. */
    public static String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    public static String quoteAll(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(SqlServerSql::quote).toList());
    }

    /** A glob ({@code *} any run, {@code ?} one character) as a case-insensitive pattern, like the default collation. */
    public static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
