package io.migbench.engine;

/** Wire format of the COPY stream between source and target. */
public enum CopyFormat {
    /** PostgreSQL binary COPY: no text parsing on the target, the fastest. */
    BINARY,
    /** PostgreSQL text COPY: for comparison, and used automatically for tables whose binary form carries type OIDs. */
    TEXT
}
