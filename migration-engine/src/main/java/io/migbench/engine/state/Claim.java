package io.migbench.engine.state;

import io.migbench.engine.plan.Partition;

/**
 * A partition a worker claimed and is copying.
 *
 * @param session        the claiming process's own id: two processes given one worker id never share a claim
 * @param earlierClaims  how often the partition was claimed before (0: it was never started, so the target holds none
 *                       of its rows)
 * @param previousWorker the worker whose claim this one replaced (its lease expired or its connection ended), or
 *                       {@code null}
 */
public record Claim(Partition partition, String workerId, String session, int earlierClaims, String previousWorker) {
}
