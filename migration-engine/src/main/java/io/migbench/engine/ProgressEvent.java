package io.migbench.engine;

/**
 * A snapshot of progress.
 *
 * @param estimatedTotalRows the planner's estimate of all rows to copy (for ETA only)
 */
public record ProgressEvent(Phase phase, long rowsCopied, long bytesCopied, int partitionsDone,
                            int partitionsTotal, long estimatedTotalRows, double elapsedSeconds, String message) {
    public double rowsPerSecond() {
        return elapsedSeconds > 0 ? rowsCopied / elapsedSeconds : 0;
    }
}
