package io.migbench.engine.copy;

/** Receives rows and bytes as they stream (rows may be corrected by a negative delta at the end). */
@FunctionalInterface
public interface CopyCounter {
    void copied(long rows, long bytes);
}
