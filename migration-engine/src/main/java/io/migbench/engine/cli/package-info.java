/**
 * The {@code migrate} command: picocli arguments mapped onto {@link io.migbench.engine.MigrationOptions}, progress
 * and status printing, and exit codes. The only package that uses picocli; nothing else in the engine depends on
 * it.
 */
package io.migbench.engine.cli;
