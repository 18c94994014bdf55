package io.migbench.harness.report;

import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.Summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's "Projection to the full size" (trials that copied a sample, projected by {@link FullProjection}, and
 * compared with a full run of the same platform and setting when one is in the report) and "Runs over time" (a
 * folder holding several recorded runs, e.g. real migrations appended by {@code migbench migrate --record}).
 */
final class ProjectionSection implements ReportSection {
    record Projection(String platform, String settings, String dataset, String fullSize, String projected, String interval,
                      int n, String measuredFull, String error) {}

    record RunRow(String folder, String runId, String when, String settings, String rows, String seconds, String mbPerSecond,
                  String validation) {}

    private record Key(String platform, String settings, String dataset, double scale) {
        static Key of(TrialRecord t) {
            return new Key(t.platform(), t.settingsLabel(), t.dataset(), t.scale());
        }
    }

    @Override
    public String template() {
        return "projection";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("projections", projections(in.all(), in.sources()))
                .value("projectionModel", FullProjection.MODEL)
                .list("runsOverTime", runsOverTime(in.all(), in.folderNames()))
                .map();
    }

    static List<Projection> projections(List<TrialResult> all, Map<Path, List<SourceTable>> sources) {
        Map<Key, List<Double>> projected = new LinkedHashMap<>();
        Map<Key, Long> fullBytes = new LinkedHashMap<>();
        Map<Key, List<Double>> measuredFull = new LinkedHashMap<>();
        for (TrialResult r : all) {
            if (!r.trial().isMeasured()) {
                continue;
            }
            List<SourceTable> source = sources.getOrDefault(r.runDir(), List.of()).stream()
                    .filter(s -> s.platform().equals(r.trial().platform())).toList();
            Key key = Key.of(r.trial());
            if (r.copied().isEmpty()) {
                measuredFull.computeIfAbsent(key, k -> new ArrayList<>()).add(r.trial().totalSeconds());
                continue;
            }
            double seconds = FullProjection.seconds(r.trial(), r.tables(), source);
            if (!Double.isNaN(seconds)) {
                projected.computeIfAbsent(key, k -> new ArrayList<>()).add(seconds);
                fullBytes.put(key, FullProjection.fullBytes(source));
            }
        }
        List<Projection> out = new ArrayList<>();
        projected.forEach((key, values) -> {
            Summary s = Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
            List<Double> full = measuredFull.get(key);
            Double fullMedian = full == null ? null : Summary.of(full.stream().mapToDouble(Double::doubleValue).toArray()).median();
            out.add(new Projection(key.platform(), key.settings(), key.dataset() + " (scale " + Format.decimal(key.scale(), 2) + ")",
                    Format.bytes(fullBytes.get(key)), Format.duration(s.median()),
                    s.hasInterval() ? Format.duration(Math.max(0, s.ciLow())) + " – " + Format.duration(s.ciHigh()) : "one trial: none",
                    s.n(), fullMedian == null ? "–" : Format.duration(fullMedian),
                    fullMedian == null ? "–" : signedPercent((s.median() - fullMedian) / fullMedian)));
        });
        return out;
    }

    /** Every trial of each folder holding more than one run id, oldest first. */
    static List<RunRow> runsOverTime(List<TrialResult> all, Map<Path, String> folderNames) {
        Map<Path, List<TrialRecord>> byFolder = all.stream().collect(Collectors.groupingBy(TrialResult::runDir,
                LinkedHashMap::new, Collectors.mapping(TrialResult::trial, Collectors.toList())));
        List<RunRow> out = new ArrayList<>();
        byFolder.forEach((dir, trials) -> {
            Set<String> runIds = trials.stream().map(TrialRecord::runId).collect(Collectors.toSet());
            if (runIds.size() < 2) {
                return;
            }
            trials.stream().sorted(Comparator.comparing(TrialRecord::timestamp)).forEach(t -> out.add(new RunRow(
                    folderNames.getOrDefault(dir, dir.toString()), t.runId(), t.timestamp().toString(), t.settingsLabel(),
                    Format.count(t.rows()), Format.seconds(t.totalSeconds()),
                    t.mbPerSecond() == null ? "–" : Format.decimal(t.mbPerSecond(), 1),
                    t.isOk() ? String.valueOf(t.validationResult()).toLowerCase(java.util.Locale.ROOT) : "failed: " + t.error())));
        });
        return out;
    }

    private static String signedPercent(double fraction) {
        return (fraction >= 0 ? "+" : "") + Format.percent(fraction);
    }
}
