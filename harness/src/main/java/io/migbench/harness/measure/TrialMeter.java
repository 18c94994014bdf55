package io.migbench.harness.measure;

import io.migbench.engine.Phase;
import io.migbench.engine.ProgressListener;
import io.migbench.harness.db.accounting.ResourceCounters;
import io.migbench.harness.results.ResourceUsage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures where one trial's time goes: reads each server's CPU and I/O counters, the engine's CPU and the
 * target's WAL position before and after, and samples both servers' wait events in between. Use it in
 * try-with-resources: {@link #close()} stops the sampler and closes its connections even when the trial failed.
 * Nothing here fails a trial; what cannot be measured is left empty and said in the notes.
 */
public final class TrialMeter implements AutoCloseable {
    private final MonitoredServer source;
    private final MonitoredServer target;
    private final boolean copyPhaseOnly;
    private final ResourceCounters sourceBefore;
    private final ResourceCounters targetBefore;
    private final Optional<Double> engineBefore;
    private final String walBefore;
    private final List<String> notes = new ArrayList<>();
    private final WaitEventSampler sampler;

    private TrialMeter(MonitoredServer source, MonitoredServer target, boolean copyPhaseOnly) {
        this.source = source;
        this.target = target;
        this.copyPhaseOnly = copyPhaseOnly;
        this.walBefore = walPosition();
        this.sourceBefore = source.instance().resourceCounters();
        this.targetBefore = target.instance().resourceCounters();
        this.engineBefore = EngineCpu.seconds();
        this.sampler = WaitEventSampler.start(List.of(source, target), !copyPhaseOnly);
    }

    /**
     * Starts measuring, just before the migration.
     *
     * @param copyPhaseOnly sample wait events only while the engine reports its copy phase (through
     *                      {@link #following}); otherwise during the whole run (a reference tool reports no phases)
     */
    public static TrialMeter start(MonitoredServer source, MonitoredServer target, boolean copyPhaseOnly) {
        return new TrialMeter(source, target, copyPhaseOnly);
    }

    /** A listener that turns wait sampling on for the copy phase, then passes each event on to {@code next}. */
    public ProgressListener following(ProgressListener next) {
        return event -> {
            sampler.recording(event.phase() == Phase.COPY);
            next.onProgress(event);
        };
    }

    /** Stops sampling and returns what the trial used, right after the migration. */
    public ResourceUsage finish() {
        sampler.close();
        ResourceCounters s = source.instance().resourceCounters().since(sourceBefore);
        ResourceCounters t = target.instance().resourceCounters().since(targetBefore);
        Double engine = EngineCpu.seconds().flatMap(after -> engineBefore.map(before -> after - before)).orElse(null);
        Long wal = walBytes();
        return new ResourceUsage(s.cpuSeconds(), t.cpuSeconds(), engine, s.readBytes(), s.writeBytes(),
                t.readBytes(), t.writeBytes(), wal, sampler.profile(source.role()), sampler.profile(target.role()),
                notes(s, t, engine));
    }

    private String walPosition() {
        try {
            return WalPosition.current(target);
        } catch (SQLException e) {
            notes.add("target WAL: not measured: " + e.getMessage());
            return null;
        }
    }

    private Long walBytes() {
        if (walBefore == null) {
            return null;
        }
        try {
            return WalPosition.bytesSince(target, walBefore);
        } catch (SQLException e) {
            notes.add("target WAL: not measured: " + e.getMessage());
            return null;
        }
    }

    private String notes(ResourceCounters s, ResourceCounters t, Double engine) {
        Map<String, List<String>> byMethod = new LinkedHashMap<>();
        byMethod.computeIfAbsent(s.method(), k -> new ArrayList<>()).add(source.role());
        byMethod.computeIfAbsent(t.method(), k -> new ArrayList<>()).add(target.role());
        List<String> out = new ArrayList<>();
        byMethod.forEach((method, roles) -> out.add(String.join(", ", roles) + " cpu/io: " + method));
        out.add(engine == null ? "engine: not measured: no process CPU time on this JVM" : EngineCpu.method());
        out.add("waits: pg_stat_activity every " + WaitEventSampler.INTERVAL_MILLIS + " ms, "
                + (copyPhaseOnly ? "copy phase" : "whole run"));
        out.addAll(sampler.notes());
        out.addAll(notes);
        return String.join("; ", out);
    }

    /** Whether the sampler thread still runs (for tests: it must not outlive the trial). */
    boolean samplerRunning() {
        return sampler.isRunning();
    }

    @Override
    public void close() {
        sampler.close();
    }
}
