package io.migbench.engine.internal;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of everything that reaches output: logs, exception messages, CSVs, reports.
 * Every URL or message that may carry a secret goes through here before it is printed or recorded.
 */
public final class Redaction {
    public static final String MASK = "****";

    /** {@code password=...} in a JDBC query string (PostgreSQL) or property list (SQL Server: {@code ;password=...}). */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)([?&;]password=)[^&;]*");
    /** {@code user:secret@host} user-info form. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]+:)[^@/?;]*@");

    private Redaction() {}

    /** The URL with any embedded password replaced by {@value #MASK}. */
    public static String redactUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1" + MASK);
        return USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
    }

    /** The text with every occurrence of each non-empty secret replaced by {@value #MASK}. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
