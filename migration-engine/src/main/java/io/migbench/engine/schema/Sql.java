package io.migbench.engine.schema;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting of identifiers and literals: every name that reaches SQL goes through here. */
public final class Sql {
    private Sql() {}

    /** {@code "name"} with embedded quotes doubled, whatever the case or characters. */
    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code 'text'} with embedded single quotes doubled (standard_conforming_strings is on since PostgreSQL 9.1). */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a SQL literal cannot contain a zero byte");
        }
        return '\'' + text.replace("'", "''") + '\'';
    }

    public static String identList(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }
}
