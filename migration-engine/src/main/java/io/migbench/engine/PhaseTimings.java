package io.migbench.engine;

/**
 * Seconds spent in each phase. Index building overlaps the copy (a table's keys are built as soon as its data
 * is in), so {@code indexSeconds} counts only the index work left after the last copy finished.
 */
public record PhaseTimings(double schemaSeconds, double copySeconds, double indexSeconds,
                           double verifySeconds, double totalSeconds) {
}
