package io.migbench.harness.results;

import java.nio.file.Path;
import java.util.List;

/**
 * A trial with its table rows and the run folder it was read from.
 *
 * @param trial  the trials.csv row
 * @param tables the tables.csv rows of this trial, in file order
 * @param runDir the folder both came from
 * @param copied what part of the source the trial copied ({@link CopiedShare#describe}; {@code ""}: all of it)
 */
public record TrialResult(TrialRecord trial, List<TableRecord> tables, Path runDir, String copied) {
    public TrialResult {
        tables = List.copyOf(tables);
        copied = copied == null ? "" : copied;
    }

    public TrialResult(TrialRecord trial, List<TableRecord> tables, Path runDir) {
        this(trial, tables, runDir, "");
    }
}
