package io.migbench.engine.state;

import java.util.List;

/**
 * The planned run as recorded in the target.
 *
 * @param identity       the options that shaped the plan, as {@code --flag=value} items: every later phase must
 *                       be invoked with the same
 * @param snapshot       the source snapshot the workers import ({@code pg_export_snapshot()} of a process holding
 *                       it open), or {@code null}
 * @param sourceQuiesced whether the plan was told the source does not change (no snapshot is needed then)
 * @param sourceReleased whether finalize said no phase reads the source any more (the snapshot holder may end)
 */
public record RunRecord(String runId, List<String> identity, String snapshot, boolean sourceQuiesced,
                        boolean sourceReleased) {
    public RunRecord {
        identity = List.copyOf(identity);
    }
}
