package io.migbench.harness.measure;

import io.migbench.harness.results.WaitProfile;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls the wait events of the servers' backends every {@value #INTERVAL_MILLIS} ms on a thread of its own,
 * counting only while {@link #recording} is on (the copy phase). {@link #close()} always stops the thread and
 * closes every monitoring connection, whatever happened to the trial.
 */
final class WaitEventSampler implements AutoCloseable {
    static final long INTERVAL_MILLIS = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<String, BackendWaits> servers = new LinkedHashMap<>();
    private final Map<String, String> notSampled = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean recording;
    private volatile boolean running = true;

    private WaitEventSampler(List<MonitoredServer> monitored, boolean recordFromStart) {
        for (MonitoredServer s : monitored) {
            if (!s.isPostgres()) {
                notSampled.put(s.role(), s.role() + " waits: not sampled (" + s.instance().engine() + " server)");
                continue;
            }
            try {
                servers.put(s.role(), BackendWaits.open(s));
            } catch (SQLException e) {
                notSampled.put(s.role(), s.role() + " waits: not sampled, no monitoring connection: " + e.getMessage());
            }
        }
        recording = recordFromStart;
        thread = new Thread(this::loop, "wait-sampler-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Opens a monitoring connection per PostgreSQL server and starts polling. */
    static WaitEventSampler start(List<MonitoredServer> monitored, boolean recordFromStart) {
        WaitEventSampler sampler = new WaitEventSampler(monitored, recordFromStart);
        sampler.thread.start();
        return sampler;
    }

    /** Counts polls from now on ({@code true}) or ignores them ({@code false}). */
    void recording(boolean on) {
        recording = on;
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            if (recording) {
                servers.values().forEach(BackendWaits::sample);
            }
            next += TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS);
            long sleep = next - System.nanoTime();
            if (sleep < 0) {
                // a slow poll: keep the interval from now rather than polling in a burst to catch up
                next = System.nanoTime();
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The profile of {@code role}'s backends, or null when that server was not sampled. */
    WaitProfile profile(String role) {
        BackendWaits w = servers.get(role);
        return w == null ? null : w.profile();
    }

    /** Why a server was not sampled or stopped being sampled, one phrase each. */
    List<String> notes() {
        List<String> out = new ArrayList<>(notSampled.values());
        servers.values().stream().map(BackendWaits::failure).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops polling, waits for the poll under way (the thread sleeps at most one interval, a poll times out) and
     * closes the monitoring connections, also when the wait ran out: closing aborts a hanging poll.
     */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            servers.values().forEach(BackendWaits::close);
        }
    }
}
