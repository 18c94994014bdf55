package io.migbench.harness.sweep;

/**
 * Where a trial sits in its platform's sequence.
 *
 * @param trial  the trial's number within its matrix point, from 1 (warmups first)
 * @param warmup whether it is a warmup trial (recorded, never counted)
 * @param round  for a sweep's measured trial, the round it ran in (from 1); {@code null} for warmups and the tuner
 * @param order  its position within the round (from 1); {@code null} when {@code round} is
 */
public record TrialSlot(int trial, boolean warmup, Integer round, Integer order) {
    /** A trial outside any round: a warmup, or a trial of the tuner, which chooses its points as it goes. */
    public static TrialSlot unscheduled(int trial, boolean warmup) {
        return new TrialSlot(trial, warmup, null, null);
    }
}
