/**
 * The SQL Server source: connections, schema reading, type mapping and range reads. Engine internals, public only
 * because other engine packages and the harness use them; not a stable API for library users (call {@link
 * io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.sqlserver;
