/**
 * Encoding rows into PostgreSQL's binary COPY format and the bounded chunk pipe that feeds them to a COPY. Engine
 * internals, public only because other engine packages and the harness use them; not a stable API for library
 * users (call {@link io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.copy.binary;
