package io.migbench.engine;

/** Phases of a migration, in order. */
public enum Phase {
    SCHEMA, PLAN, COPY, INDEX, VERIFY, DONE
}
