package io.migbench.harness.sweep;

import io.migbench.harness.results.ResourceUsage;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;

import java.util.List;

/** What one trial produced: its trials.csv row and its tables.csv rows. */
public record TrialOutcome(TrialRecord trial, List<TableRecord> tables) {
    public TrialOutcome {
        tables = List.copyOf(tables);
    }

    /** The same outcome, its trial row carrying what the trial used. */
    public TrialOutcome withResources(ResourceUsage resources) {
        return new TrialOutcome(trial.withResources(resources), tables);
    }
}
