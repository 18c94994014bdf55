package io.migbench.engine.cli;

import io.migbench.engine.MigrationResult;
import io.migbench.engine.PhaseTimings;
import io.migbench.engine.TableResult;
import io.migbench.engine.VerificationMismatch;
import io.migbench.engine.VerifyMode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The final summary: per table (rows, partitions, seconds, rows/s, verification), a partitioned table as one line
 * summing its partitions followed by a line per partition; the timeline (when each table's steps ran, and the tail
 * after the last COPY); per phase; which verification ran; and what was not migrated.
 */
public final class SummaryPrinter {
    private SummaryPrinter() {}

    public static void print(MigrationResult r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-40s %14s %5s %9s %12s %10s%n", "table", "rows", "parts", "seconds", "rows/s", "verified");
        Map<String, List<TableResult>> partitions = new LinkedHashMap<>();
        r.tables().stream().filter(t -> t.partitionOf() != null)
                .forEach(t -> partitions.computeIfAbsent(t.partitionOf(), k -> new ArrayList<>()).add(t));
        Set<String> printed = new HashSet<>();
        for (TableResult t : r.tables()) {
            if (t.partitionOf() == null) {
                line(out, t.schema() + "." + t.table(), t.rows(), t.partitions(), t.copySeconds(), t.rowsPerSecond(), verified(t));
            } else if (printed.add(t.partitionOf())) {
                List<TableResult> leaves = partitions.get(t.partitionOf());
                // partitions copy side by side: the parent's line sums rows, its time is the partitions' own
                out.printf(Locale.ROOT, "%-40s %,14d %5d %9s %12s %10s%n", t.partitionOf(),
                        leaves.stream().mapToLong(TableResult::rows).sum(),
                        leaves.stream().mapToInt(TableResult::partitions).sum(), "", "",
                        leaves.stream().map(SummaryPrinter::verified).filter(v -> v.contains("DIFF")).findFirst()
                                .orElse(verified(leaves.get(0))));
                for (TableResult leaf : leaves) {
                    line(out, "  " + leaf.schema() + "." + leaf.table(), leaf.rows(), leaf.partitions(),
                            leaf.copySeconds(), leaf.rowsPerSecond(), verified(leaf));
                }
            }
        }
        PhaseTimings p = r.timings();
        TimelineLines.print(r.timeline(), p, out);
        out.println();
        out.printf(Locale.ROOT, "%-10s %9s%n", "phase", "seconds");
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "schema", p.schemaSeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "copy", p.copySeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "index", p.indexSeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "verify", p.verifySeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "total", p.totalSeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f  (from the end of the last COPY to the end of the run)%n", "tail",
                p.tailSeconds());
        out.println();
        out.println("verification: " + VERIFICATION.get(r.verification()));
        out.printf(Locale.ROOT, "%s: %,d rows, %.1f MB in %.2f s (%,.0f rows/s)%n", r.status(), r.totalRows(),
                r.totalBytes() / 1e6, p.totalSeconds(), r.rowsPerSecond());
        for (VerificationMismatch m : r.mismatches()) {
            out.println("MISMATCH " + m);
        }
        if (r.notMigratedSummary() != null) {
            out.println(r.notMigratedSummary());
        }
        out.flush();
    }

    /** The plan phase's summary: per table its estimated rows and partitions, then the run's name. */
    public static void printPlan(MigrationResult r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-40s %14s %5s%n", "table", "est. rows", "parts");
        for (TableResult t : r.tables()) {
            out.printf(Locale.ROOT, "%-40s %,14d %5d%n", t.schema() + "." + t.table(), t.rows(), t.partitions());
        }
        out.printf(Locale.ROOT, "planned run %s: %d tables, %d partitions, ~%,d rows, ~%.1f MB (estimates) in %.2f s;"
                        + " next: --phase copy workers, then --phase finalize%n", r.runId(), r.tables().size(),
                r.tables().stream().mapToInt(TableResult::partitions).sum(), r.totalRows(), r.totalBytes() / 1e6,
                r.timings().schemaSeconds());
        out.flush();
    }

    /** What each verification proves, in one line (details: migration-engine/README.md, Verification). */
    private static final Map<VerifyMode, String> VERIFICATION = Map.of(
            VerifyMode.NONE, "none",
            VerifyMode.ACKNOWLEDGED, "acknowledged (rows the target acknowledged per committed COPY = rows the source sent;"
                    + " target tables not scanned)",
            VerifyMode.COUNT, "count (acknowledged rows per COPY, and count(*) of every target table = rows the source sent)",
            VerifyMode.CHECKSUM, "checksum (row count and an order-independent checksum of every row, both sides)");

    private static void line(PrintWriter out, String name, long rows, int parts, double seconds, double rowsPerSecond,
                             String verified) {
        out.printf(Locale.ROOT, "%-40s %,14d %5d %9.2f %,12.0f %10s%n", name, rows, parts, seconds, rowsPerSecond, verified);
    }

    private static String verified(TableResult t) {
        if (!t.countMatch()) {
            return "COUNT DIFF";
        }
        if (t.checksumMatch() == null) {
            return "count";
        }
        return t.checksumMatch() ? "checksum" : "SUM DIFF";
    }
}
