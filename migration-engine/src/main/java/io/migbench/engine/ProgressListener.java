package io.migbench.engine;

/** Receives progress events; called from engine threads, so implementations must be thread-safe and quick. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = event -> { };

    void onProgress(ProgressEvent event);
}
