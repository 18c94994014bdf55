package io.migbench.engine;

/** What to do with target tables that already exist. */
public enum TargetMode {
    /** Refuse to start if any target table exists. */
    CREATE,
    /** Empty existing tables (keeping their definition) and create missing ones. */
    TRUNCATE,
    /** Drop existing tables and create them again. */
    DROP_RECREATE
}
