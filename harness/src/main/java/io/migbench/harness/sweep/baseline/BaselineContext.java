package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.internal.Redaction;
import io.migbench.engine.schema.TableName;
import io.migbench.harness.scenario.CopyFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a baseline run needs. Passwords travel only in {@code source}/{@code target} and reach child
 * processes through their environment (or a private passfile), never their command line.
 *
 * @param tables   the tables to copy with the source's row counts; psql-pipe copies exactly these, while
 *                 pgcopydb and pg_dump-restore clone the whole source database (the sweep's source holds only the
 *                 dataset) and the row check covers these tables
 * @param tasks    parallel jobs: concurrent pipes, {@code --table-jobs}/{@code --index-jobs}, {@code -j}
 * @param format   COPY format of psql-pipe (the other tools choose their own)
 * @param workDir  where runs put their scratch files (pgcopydb --dir, pg_dump -Fd output, stderr logs); each run
 *                 uses its own sub-directory and removes it afterwards
 * @param timeout  the longest a whole run may take; commands still running then are killed
 */
public record BaselineContext(ConnectionSpec source, ConnectionSpec target, List<BaselineTable> tables, int tasks,
                              CopyFormat format, Path workDir, Duration timeout) {

    /** Rejects missing or contradictory values in one place, naming the field. */
    public BaselineContext {
        List<String> problems = new ArrayList<>();
        if (source == null) {
            problems.add("source: required");
        }
        if (target == null) {
            problems.add("target: required");
        }
        if (source != null && target != null && source.jdbcUrl().equals(target.jdbcUrl())) {
            problems.add("target: must differ from source, both are " + Redaction.redactUrl(source.jdbcUrl()));
        }
        if (tables == null || tables.isEmpty()) {
            problems.add("tables: at least one table is required");
        } else {
            Set<TableName> seen = new HashSet<>();
            tables.stream().map(BaselineTable::name).filter(n -> !seen.add(n))
                    .forEach(n -> problems.add("tables: " + n + " is listed twice"));
        }
        if (tasks < 1) {
            problems.add("tasks: must be at least 1, got " + tasks);
        }
        if (format == null) {
            problems.add("format: required (binary or text)");
        }
        if (workDir == null) {
            problems.add("workDir: required");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            problems.add("timeout: must be positive, got " + timeout);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("baseline context: " + String.join("; ", problems));
        }
        tables = List.copyOf(tables);
    }

    public List<TableName> tableNames() {
        return tables.stream().map(BaselineTable::name).toList();
    }

    /** The passwords of both sides, for {@link Redaction#redact}. */
    List<String> secrets() {
        return Stream.of(source.password(), target.password()).filter(Objects::nonNull).toList();
    }
}
