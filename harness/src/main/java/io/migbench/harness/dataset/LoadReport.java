package io.migbench.harness.dataset;

import java.util.List;

/**
 * What a dataset load did.
 *
 * @param seconds wall-clock time of the whole load, from the first DDL to the last ANALYZE
 */
public record LoadReport(String dataset, double scale, long seed, int parallelism, List<TableLoad> tables, double seconds) {
    public LoadReport {
        tables = List.copyOf(tables);
    }

    public long rows() {
        return tables.stream().mapToLong(TableLoad::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(TableLoad::bytes).sum();
    }

    /** Generation throughput: all rows over the wall-clock time. */
    public double rowsPerSecond() {
        return seconds > 0 ? rows() / seconds : 0;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s scale %s seed %d: %,d rows, %.1f MiB in %.1f s (%,.0f rows/s, %d connections)",
                dataset, scale, seed, rows(), bytes() / 1048576.0, seconds, rowsPerSecond(), parallelism);
    }
}
