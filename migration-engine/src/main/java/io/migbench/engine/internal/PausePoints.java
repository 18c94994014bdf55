package io.migbench.engine.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook for the kill tests: with {@code -Dmigbench.pauseAt=<point>} (or {@code <point>#<n>} for its n-th
 * occurrence) the engine thread that reaches that point prints {@code migbench: paused at <point>} to stderr and
 * sleeps until the process is killed, so a test can SIGKILL the engine at an exact step. Without the property
 * (the default) {@link #reach} does nothing. Points: {@code schema-created}, {@code partition-streamed} (COPY sent,
 * not committed), {@code copy-finished}, {@code index-built}, {@code finalized}, {@code verify-table}.
 */
public final class PausePoints {
    public static final String PROPERTY = "migbench.pauseAt";
    private static final String WANTED = System.getProperty(PROPERTY);
    private static final AtomicInteger SEEN = new AtomicInteger();

    private PausePoints() {}

    public static void reach(String point) {
        if (WANTED == null || !(WANTED.equals(point) || WANTED.startsWith(point + "#"))) {
            return;
        }
        int wantedOccurrence = WANTED.equals(point) ? 1 : Integer.parseInt(WANTED.substring(point.length() + 1));
        if (SEEN.incrementAndGet() != wantedOccurrence) {
            return;
        }
        System.err.println("migbench: paused at " + WANTED);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep holding: only the test's SIGKILL ends the pause
            }
        }
    }
}
