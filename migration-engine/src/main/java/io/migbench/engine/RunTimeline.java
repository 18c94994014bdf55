package io.migbench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the timeline of a run from every thread: what each table's steps cost and when they ran. */
public final class RunTimeline {
    private final long originNanos;
    private final List<TimelineEvent> events = new ArrayList<>();

    /** @param originNanos the run's start ({@link System#nanoTime()}) */
    public RunTimeline(long originNanos) {
        this.originNanos = originNanos;
    }

    public synchronized void record(String table, String step, String detail, long startNanos, long endNanos) {
        events.add(new TimelineEvent(table, step, detail, seconds(startNanos), seconds(endNanos)));
    }

    /** Seconds since the run started at {@code nanos}. */
    public double seconds(long nanos) {
        return (nanos - originNanos) / 1e9;
    }

    /** Every event, earliest start first. */
    public synchronized List<TimelineEvent> events() {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(TimelineEvent::startSeconds));
        return List.copyOf(sorted);
    }
}
