package io.migbench.engine;

/** How a {@link MigrationResult} ended. */
public enum MigrationStatus {
    /** The phases this invocation ran finished; after a finalize, the target also passed {@link VerifyMode}. */
    SUCCEEDED,
    /** A failure stopped the run; the result carries the message and the cause. */
    FAILED,
    /** The copy finished but the target differs from the source; see {@link MigrationResult#mismatches()}. */
    VERIFICATION_FAILED
}
