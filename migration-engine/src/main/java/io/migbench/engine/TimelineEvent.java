package io.migbench.engine;

/**
 * One step of one table in the engine's own timeline, in seconds since the run started.
 *
 * @param step   {@code copy}, {@code set-logged}, {@code index}, {@code keys}, {@code analyze}, {@code count},
 *               {@code acknowledged}, {@code checksum} or {@code foreign-keys}
 * @param detail the partition or index the step worked on, {@code ""} for the whole table
 */
public record TimelineEvent(String table, String step, String detail, double startSeconds, double endSeconds) {
    public double seconds() {
        return endSeconds - startSeconds;
    }
}
