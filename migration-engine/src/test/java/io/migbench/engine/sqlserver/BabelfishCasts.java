package io.migbench.engine.sqlserver;

/**
 * How a column of Babelfish's PostgreSQL side (its {@code sys.*} types) becomes the engine's target type in SQL, for
 * the independent row check, so both sides render each value with PostgreSQL's own output function: binary types
 * print as T-SQL's 0x.. hex, decoded here; the others go through text, which every {@code sys} type has.
 */
final class BabelfishCasts {
    private BabelfishCasts() {}

    static String toTarget(String quotedColumn, String targetType) {
        if (targetType.equals("bytea")) {
            return "decode(substr(CAST(" + quotedColumn + " AS text), 3), 'hex')";
        }
        return "CAST(CAST(" + quotedColumn + " AS text) AS " + targetType + ")";
    }
}
