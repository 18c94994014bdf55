package io.migbench.harness.report;

import io.migbench.harness.stats.Summary;
import java.util.Locale;

/** How numbers look in the report: grouped thousands, units spelled out, no locale surprises. */
final class Format {
    private Format() {}

    /** "1 task", "8 tasks". */
    static String tasks(int n) {
        return n + (n == 1 ? " task" : " tasks");
    }

    static String count(Long n) {
        return n == null ? "–" : String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String seconds(Double s) {
        return s == null || s.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** A duration as people say it: "42 s", "7 min 05 s", "1 h 52 min". */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s < 90) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, Math.round((s % 3600) / 60.0));
    }

    static String decimal(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String bytes(Long b) {
        if (b == null) {
            return "–";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = b;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Memory in binary units, as machines are sold: 34359738368 → "32.0 GiB". */
    static String memory(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /**
     * "204,112 (198,001–210,223, 95% interval)", or with fewer than six trials
     * "204,112 (198,001–210,223, min–max of 3 trials: 75% interval)"; a single trial says it has no interval.
     */
    static String rateWithInterval(Summary s) {
        if (!s.hasInterval()) {
            return rate(s.median()) + " (n=1, no interval)";
        }
        return rate(s.median()) + " (" + rate(s.ciLow()) + "–" + rate(s.ciHigh()) + ", " + coverage(s) + ")";
    }

    /** "95% interval", or "min–max of 3 trials: 75% interval" when too few trials reach 95%. */
    static String coverage(Summary s) {
        if (s.reachesConfidence()) {
            return String.format(Locale.ROOT, "%.0f%% interval", Summary.CONFIDENCE * 100);
        }
        return String.format(Locale.ROOT, "min–max of %d trials: %.0f%% interval", s.n(), Math.floor(s.coverage() * 100));
    }

    /** A value safe inside a Markdown table cell. */
    static String cell(String text) {
        return text == null || text.isBlank() ? "–" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** "none" for an empty list of limits or settings. */
    static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }

    /** A scale factor without a needless ".0": 1, 0.5. */
    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** "3.1×" */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
