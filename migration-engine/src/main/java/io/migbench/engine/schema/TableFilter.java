package io.migbench.engine.schema;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Include/exclude glob lists ({@code *} any run, {@code ?} one character), matched case-sensitively against the
 * table name and against {@code schema.table}. An empty include list includes everything.
 */
public final class TableFilter {
    private final List<String> includeGlobs;
    private final List<String> excludeGlobs;
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    public TableFilter(List<String> includeGlobs, List<String> excludeGlobs) {
        this(includeGlobs, excludeGlobs, 0);
    }

    private TableFilter(List<String> includeGlobs, List<String> excludeGlobs, int flags) {
        this.includeGlobs = List.copyOf(includeGlobs);
        this.excludeGlobs = List.copyOf(excludeGlobs);
        this.include = includeGlobs.stream().map(g -> toRegex(g, flags)).toList();
        this.exclude = excludeGlobs.stream().map(g -> toRegex(g, flags)).toList();
    }

    /** The same globs matched case-insensitively, as names compare in SQL Server's default collations. */
    public TableFilter ignoringCase() {
        return new TableFilter(includeGlobs, excludeGlobs, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public boolean accepts(TableName t) {
        return (include.isEmpty() || matchesAny(include, t)) && !matchesAny(exclude, t);
    }

    /** Whether an exclude glob matches the table. */
    public boolean excludes(TableName t) {
        return matchesAny(exclude, t);
    }

    /** Whether an include glob names the table (an empty include list names nothing). */
    public boolean includesByName(TableName t) {
        return matchesAny(include, t) && !matchesAny(exclude, t);
    }

    private static boolean matchesAny(List<Pattern> patterns, TableName t) {
        String qualified = t.schema() + "." + t.name();
        return patterns.stream().anyMatch(p -> p.matcher(t.name()).matches() || p.matcher(qualified).matches());
    }

    private static Pattern toRegex(String glob, int flags) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), flags);
    }
}
