/**
 * Translating the T-SQL of a SQL Server table's CHECK constraints, defaults and computed columns into PostgreSQL,
 * or saying why not. Engine internals, public only because other engine packages and the harness use them; not a
 * stable API for library users (call {@link io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.sqlserver.tsql;
