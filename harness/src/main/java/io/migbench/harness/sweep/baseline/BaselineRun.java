package io.migbench.harness.sweep.baseline;

import java.util.List;

/**
 * What a baseline run did and how long each phase took. Phases a tool does not separate are {@code null}
 * (pgcopydb and pg_dump-restore do schema, data and indexes in one go: only total and verify are known).
 *
 * @param verifySeconds the {@code count(*)} check of every table in the target, done after the tool
 * @param bytes         bytes moved when the tool tells (pg_dump's data files), else {@code null}
 * @param commands      the command lines run, as a user could paste them (passwords absent: they came from the
 *                      environment or a passfile)
 * @param stderrTail    the last lines the tools wrote to stderr (redacted), empty when they wrote nothing
 */
public record BaselineRun(String engine, Double schemaSeconds, Double copySeconds, Double indexSeconds,
                          double verifySeconds, double totalSeconds, List<BaselineTableRun> tables, Long bytes,
                          List<String> commands, String stderrTail) {
    public BaselineRun {
        tables = List.copyOf(tables);
        commands = List.copyOf(commands);
    }

    public long sourceRows() {
        return tables.stream().mapToLong(BaselineTableRun::sourceRows).sum();
    }

    public long targetRows() {
        return tables.stream().mapToLong(BaselineTableRun::targetRows).sum();
    }

    /** Tables whose target count differs from the source's: a non-empty list fails the trial's validation. */
    public List<BaselineTableRun> mismatches() {
        return tables.stream().filter(t -> !t.countsMatch()).toList();
    }
}
