package io.migbench.engine.sqlserver;

import io.migbench.engine.ConfigurationException;

/** A SQL Server column type with no PostgreSQL mapping and no user override: a configuration error. */
public final class UnsupportedTypeException extends ConfigurationException {
    public UnsupportedTypeException(String schema, String table, String column, SqlServerColumnType type) {
        super("--type-override", "table " + schema + "." + table + " column " + column + " has SQL Server type " + type
                + ", which has no PostgreSQL mapping; map it with --type-override " + type.name() + "=<postgres type>"
                + " or --type-override " + schema + "." + table + "." + column + "=<postgres type> (e.g. text, bytea)");
    }
}
