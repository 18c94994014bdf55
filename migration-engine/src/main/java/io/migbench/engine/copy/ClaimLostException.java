package io.migbench.engine.copy;

import io.migbench.engine.state.Claim;

/**
 * A worker's claim on a partition was taken over by another worker (its lease expired) before its rows committed:
 * they were rolled back and the partition is the other worker's now. Not a failure of the run.
 */
public final class ClaimLostException extends RuntimeException {
    public ClaimLostException(Claim claim) {
        super(claim.partition().table() + " partition " + claim.partition().describe() + ": claim of worker "
                + claim.workerId() + " taken over by another worker after its lease expired; its rows were rolled back");
    }
}
