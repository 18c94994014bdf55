package io.migbench.engine;

public enum MigrationStatus {
    SUCCEEDED,
    FAILED,
    VERIFICATION_FAILED
}
