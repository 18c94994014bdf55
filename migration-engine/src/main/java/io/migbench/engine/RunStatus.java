package io.migbench.engine;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a planned run stands, from the target's state tables: its partitions by state and by worker.
 *
 * @param snapshot    the source snapshot the workers import, or {@code null}
 * @param quiesced    whether the plan was told the source does not change
 * @param finalizedAt when a finalize completed, or {@code null}
 */
public record RunStatus(String runId, OffsetDateTime plannedAt, String snapshot, boolean quiesced,
                        OffsetDateTime finalizedAt, List<State> byState, List<Worker> byWorker) {
    public RunStatus {
        byState = List.copyOf(byState);
        byWorker = List.copyOf(byWorker);
    }

    /**
     * Partitions in one state: {@code pending}, {@code copying}, {@code abandoned} (claimed, but its lease expired
     * or its worker's connection ended: the next worker takes it over) or {@code done}.
     *
     * @param rows rows committed (done partitions)
     */
    public record State(String state, int partitions, long estimatedRows, long rows) {
    }

    /**
     * One worker id's share.
     *
     * @param abandoned  partitions it holds whose lease expired or whose connection ended
     * @param takenOver  partitions it claimed after another worker had abandoned them
     * @param lastBeat   its latest heartbeat or claim, or {@code null}
     */
    public record Worker(String workerId, int copying, int abandoned, int done, long rows, int takenOver,
                         OffsetDateTime lastBeat) {
    }

    public int partitions() {
        return byState.stream().mapToInt(State::partitions).sum();
    }

    public int done() {
        return byState.stream().filter(s -> s.state().equals("done")).mapToInt(State::partitions).sum();
    }
}
