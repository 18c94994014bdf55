package io.migbench.harness.db;

/** The database engines migbench can start or connect to. */
public enum DatabaseEngine {
    POSTGRESQL,
    SQLSERVER
}
