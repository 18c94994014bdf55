package io.migbench.harness.sweep;

import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;

import java.util.List;

/** What one trial produced: its trials.csv row and its tables.csv rows. */
public record TrialOutcome(TrialRecord trial, List<TableRecord> tables) {
    public TrialOutcome {
        tables = List.copyOf(tables);
    }
}
