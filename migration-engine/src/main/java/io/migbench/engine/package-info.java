/**
 * The engine's public API for library users: {@link io.migbench.engine.Migrator} runs a migration (or one phase of
 * it) described by {@link io.migbench.engine.MigrationOptions} and returns a {@link
 * io.migbench.engine.MigrationResult}; a {@link io.migbench.engine.ProgressListener} receives {@link
 * io.migbench.engine.ProgressEvent}s while it runs. Bad options throw {@link
 * io.migbench.engine.ConfigurationException} or {@link io.migbench.engine.OptionException} before anything is
 * changed. The sub-packages are implementation.
 */
package io.migbench.engine;
