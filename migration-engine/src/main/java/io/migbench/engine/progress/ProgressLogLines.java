package io.migbench.engine.progress;

import io.migbench.engine.ProgressEvent;
import io.migbench.engine.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress as plain lines (for logs and pipes): every phase change and at most one line per interval while
 * copying, with rows, bytes, rows/s and ETA.
 */
public final class ProgressLogLines implements ProgressListener {
    private final PrintWriter out;
    private final long intervalNanos;
    private long lastLine;

    public ProgressLogLines(PrintWriter out, long intervalSeconds) {
        this.out = out;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    @Override
    public synchronized void onProgress(ProgressEvent e) {
        long now = System.nanoTime();
        if (e.message() == null && now - lastLine < intervalNanos) {
            return;
        }
        lastLine = now;
        out.println(format(e));
        out.flush();
    }

    /** One line: phase, rows, MB, partitions, rows/s and ETA. */
    public static String format(ProgressEvent e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%7.1fs] %-6s %,d rows  %.1f MB  %d/%d partitions  %,.0f rows/s",
                e.elapsedSeconds(), e.phase(), e.rowsCopied(), e.bytesCopied() / 1e6, e.partitionsDone(),
                e.partitionsTotal(), e.rowsPerSecond()));
        double rate = e.rowsPerSecond();
        if (rate > 0 && e.estimatedTotalRows() > e.rowsCopied()) {
            sb.append(String.format(Locale.ROOT, "  ETA %.0fs", (e.estimatedTotalRows() - e.rowsCopied()) / rate));
        }
        if (e.message() != null) {
            sb.append("  ").append(e.message());
        }
        return sb.toString();
    }
}
