package io.migbench.engine.progress;

import io.migbench.engine.Phase;
import io.migbench.engine.ProgressEvent;
import io.migbench.engine.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar over rows (me.tongfei progressbar, with speed and ETA), closed when the run ends. */
public final class ProgressBarDisplay implements ProgressListener, AutoCloseable {
    private ProgressBar bar;

    @Override
    public synchronized void onProgress(ProgressEvent e) {
        if (bar == null && e.phase() == Phase.COPY) {
            bar = new ProgressBarBuilder().setTaskName("copy").setInitialMax(Math.max(1, e.estimatedTotalRows()))
                    .setUnit(" rows", 1).showSpeed().setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(500).build();
        }
        if (bar != null) {
            if (e.rowsCopied() > bar.getMax()) {
                bar.maxHint(e.rowsCopied());
            }
            bar.stepTo(e.rowsCopied());
            bar.setExtraMessage(e.phase() + " " + e.partitionsDone() + "/" + e.partitionsTotal()
                    + String.format(java.util.Locale.ROOT, " %.1f MB", e.bytesCopied() / 1e6));
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
