package io.migbench.engine.sqlserver;

import java.util.Locale;

/**
 * How SQL Server range reads are isolated from concurrent writers.
 * <ul>
 *   <li>{@link #AUTO} (default): {@code SNAPSHOT} when the database has {@code ALLOW_SNAPSHOT_ISOLATION ON}, so
 *   each range reads one consistent version without taking shared locks or blocking writers; otherwise
 *   {@code READ COMMITTED} (which under {@code READ_COMMITTED_SNAPSHOT ON} is row-versioned too).</li>
 *   <li>{@link #SNAPSHOT}: required; an error if the database does not allow it.</li>
 *   <li>{@link #READ_COMMITTED}: never snapshot.</li>
 *   <li>{@link #READ_UNCOMMITTED}: only on explicit request (dirty reads: rows may be missed or read twice
 *   while the source is being written); for sources known to be quiet where locking costs matter.</li>
 * </ul>
 */
public enum SourceIsolation {
    AUTO, SNAPSHOT, READ_COMMITTED, READ_UNCOMMITTED;

    /** Parses the option value, e.g. {@code read-uncommitted}. */
    public static SourceIsolation parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SourceIsolation i : values()) {
            if (i.name().equals(v)) {
                return i;
            }
        }
        throw new IllegalArgumentException("--source-isolation must be one of auto, snapshot, read-committed, "
                + "read-uncommitted, got '" + value + "'");
    }
}
