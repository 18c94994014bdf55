package io.migbench.engine.sqlserver;

import java.util.Locale;

/** How SQL Server names become PostgreSQL names: lower-cased (default, no quoting needed in queries) or kept. */
public enum IdentifierCase {
    LOWER, PRESERVE;

    public String apply(String name) {
        return this == LOWER ? name.toLowerCase(Locale.ROOT) : name;
    }

    public static IdentifierCase parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "lower" -> LOWER;
            case "preserve" -> PRESERVE;
            default -> throw new IllegalArgumentException("--identifier-case must be lower or preserve, got '"
                    + value + "'");
        };
    }
}
