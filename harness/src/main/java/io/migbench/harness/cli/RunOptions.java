package io.migbench.harness.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The options of a command that measures into a run folder ({@code sweep}, {@code tune}):
 * where the run folder goes, its name and which platform profiles to measure. Use as {@code @Mixin RunOptions run;}.
 */
public final class RunOptions {
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Name of the run folder (default: <scenario>-<UTC timestamp>; tune adds -tune).")
    String runId;

    @Option(names = "--platform", paramLabel = "NAME", split = ",",
            description = "Only these platform profiles of the scenario (default: all).")
    Set<String> platforms = Set.of();

    /** The platform profiles asked for; empty for all. */
    public Set<String> platforms() {
        return platforms;
    }

    /** {@code --out}/{@code --run-id}, or {@code --out}/{@code <prefix>-<UTC yyyyMMdd-HHmmss>} without a run id. */
    public Path runDir(String prefix) {
        return outDir.resolve(runId != null ? runId
                : prefix + "-" + LocalDateTime.now(ZoneOffset.UTC).format(RUN_STAMP));
    }
}
