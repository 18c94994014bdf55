package io.migbench.spark;

/** A copy worker's engine run exited non-zero; Spark sees a failed task and retries it. */
public final class CopyWorkerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CopyWorkerFailedException(String workerId, int exitCode, String reason) {
        super("copy worker " + workerId + " exited " + exitCode + (reason.isEmpty() ? "" : ": " + reason));
    }
}
