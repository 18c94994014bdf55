package io.migbench.harness.report;

import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The report's head (report.md.mustache itself): the datasets and the run folders it was drawn from. */
final class HeaderSection implements ReportSection {
    record Run(String dir, String runIds, String when, String hosts) {}

    @Override
    public String template() {
        return "report.md";
    }

    @Override
    public java.util.Map<String, Object> scope(ReportInput in) {
        return new Scope().list("runs", runs(in))
                .value("datasets", in.all().stream().map(r -> r.trial().dataset() + " (scale "
                        + Format.trim(r.trial().scale()) + ")").distinct().collect(Collectors.joining(", ")))
                .map();
    }

    private static List<Run> runs(ReportInput in) {
        List<Run> out = new ArrayList<>();
        for (Path dir : in.folderNames().keySet()) {
            List<TrialRecord> trials = in.all().stream().filter(r -> r.runDir().equals(dir)).map(TrialResult::trial).toList();
            String first = trials.stream().map(TrialRecord::timestamp).min(Comparator.naturalOrder()).map(Object::toString).orElse("–");
            String last = trials.stream().map(TrialRecord::timestamp).max(Comparator.naturalOrder()).map(Object::toString).orElse("–");
            out.add(new Run(in.folderNames().get(dir),
                    trials.stream().map(TrialRecord::runId).distinct().collect(Collectors.joining(", ")),
                    first + " to " + last,
                    trials.stream().map(t -> t.host().hostName()).distinct().collect(Collectors.joining(", "))));
        }
        return out;
    }
}
