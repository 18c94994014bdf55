package io.migbench.engine;

/**
 * Seconds spent in each phase, one after the other. Finalization overlaps the copy (a table's keys, ANALYZE and
 * verification start as soon as its data is in), so {@code indexSeconds} counts only the finalization left after the
 * last copy finished and {@code verifySeconds} only the verification left after that (zero when every table was
 * checked as it was finalized). {@code tailSeconds} is the time from the end of the last COPY to the end of the run
 * (zero when nothing was copied): what the run costs beyond moving the data.
 */
public record PhaseTimings(double schemaSeconds, double copySeconds, double indexSeconds,
                           double verifySeconds, double totalSeconds, double tailSeconds) {
}
