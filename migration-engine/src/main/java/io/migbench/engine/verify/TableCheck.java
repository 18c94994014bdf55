package io.migbench.engine.verify;

/**
 * Verification figures of one table.
 *
 * @param targetRows    rows found in the target
 * @param checksumMatch {@code null} when checksums were not computed
 */
public record TableCheck(long sourceRows, long targetRows, boolean countMatch, Boolean checksumMatch) {
}
