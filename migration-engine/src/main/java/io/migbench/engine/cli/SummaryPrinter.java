package io.migbench.engine.cli;

import io.migbench.engine.MigrationResult;
import io.migbench.engine.PhaseTimings;
import io.migbench.engine.TableResult;
import io.migbench.engine.VerificationMismatch;

import java.io.PrintWriter;
import java.util.Locale;

/** The final summary: per table (rows, partitions, seconds, rows/s, verification) and per phase. */
public final class SummaryPrinter {
    private SummaryPrinter() {}

    public static void print(MigrationResult r, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-40s %14s %5s %9s %12s %10s%n", "table", "rows", "parts", "seconds", "rows/s", "verified");
        for (TableResult t : r.tables()) {
            out.printf(Locale.ROOT, "%-40s %,14d %5d %9.2f %,12.0f %10s%n", t.schema() + "." + t.table(), t.rows(),
                    t.partitions(), t.copySeconds(), t.rowsPerSecond(), verified(t));
        }
        PhaseTimings p = r.timings();
        out.println();
        out.printf(Locale.ROOT, "%-10s %9s%n", "phase", "seconds");
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "schema", p.schemaSeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "copy", p.copySeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "index", p.indexSeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "verify", p.verifySeconds());
        out.printf(Locale.ROOT, "%-10s %9.2f%n", "total", p.totalSeconds());
        out.println();
        out.printf(Locale.ROOT, "%s: %,d rows, %.1f MB in %.2f s (%,.0f rows/s)%n", r.status(), r.totalRows(),
                r.totalBytes() / 1e6, p.totalSeconds(), r.rowsPerSecond());
        for (VerificationMismatch m : r.mismatches()) {
            out.println("MISMATCH " + m);
        }
        out.flush();
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
