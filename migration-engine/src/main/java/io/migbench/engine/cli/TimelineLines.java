package io.migbench.engine.cli;

import io.migbench.engine.PhaseTimings;
import io.migbench.engine.TimelineEvent;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline part of the summary: per table, in the order tables started, each kind of step as
 * {@code start-end} seconds since the run began (steps of one kind, e.g. a table's partitions, merged into one
 * span with their count), then the tail.
 */
final class TimelineLines {
    private TimelineLines() {}

    static void print(List<TimelineEvent> events, PhaseTimings timings, PrintWriter out) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Map<String, List<TimelineEvent>>> byTable = new LinkedHashMap<>();
        for (TimelineEvent e : events) {
            byTable.computeIfAbsent(e.table(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e);
        }
        out.println();
        out.printf(Locale.ROOT, "%-40s %s%n", "timeline (s since start)", "step start-end [xN]");
        byTable.forEach((table, steps) -> {
            StringBuilder line = new StringBuilder();
            steps.forEach((step, list) -> {
                double start = list.stream().mapToDouble(TimelineEvent::startSeconds).min().orElseThrow();
                double end = list.stream().mapToDouble(TimelineEvent::endSeconds).max().orElseThrow();
                line.append(String.format(Locale.ROOT, "  %s %.2f-%.2f", step, start, end));
                if (list.size() > 1) {
                    line.append(" x").append(list.size());
                }
            });
            out.printf(Locale.ROOT, "%-40s%s%n", table, line);
        });
        out.printf(Locale.ROOT, "tail: %.2f s after the last COPY ended (at %.2f s of %.2f s)%n", timings.tailSeconds(),
                timings.totalSeconds() - timings.tailSeconds(), timings.totalSeconds());
    }
}
