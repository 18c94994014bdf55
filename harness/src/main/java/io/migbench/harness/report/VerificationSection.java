package io.migbench.harness.report;

import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.ValidationResult;
import io.migbench.harness.stats.ConfigurationStats;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Per platform: the best configuration's last measured trial, table by table, and every trial's validation. */
final class VerificationSection implements ReportSection {
    record VerificationRow(String table, String sourceRows, String targetRows, String match, String checksum) {}
    record Verification(String platform, String settings, String trial, List<VerificationRow> tables, String summary) {}

    @Override
    public String template() {
        return "verification";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("verifications", ReportSection.perBest(in.platforms(), VerificationSection::verification))
                .map();
    }

    private static Verification verification(PlatformAnalysis p, ConfigurationStats best) {
        TrialResult last = best.measured().get(best.measured().size() - 1);
        List<VerificationRow> rows = last.tables().stream().map(tb -> new VerificationRow(
                Format.cell(tb.qualifiedName()), Format.count(tb.sourceRows()), Format.count(tb.targetRows()),
                tb.match() == null ? "not compared" : tb.match() ? "yes" : "**NO**", tb.checksum().code())).toList();
        Map<ValidationResult, Long> outcomes = p.trials().stream()
                .collect(Collectors.groupingBy(r -> r.trial().validationResult(), Collectors.counting()));
        String summary = "Validation of all " + p.trials().size() + " trials on this platform: "
                + outcomes.getOrDefault(ValidationResult.PASSED, 0L) + " passed, "
                + outcomes.getOrDefault(ValidationResult.FAILED, 0L) + " failed, "
                + outcomes.getOrDefault(ValidationResult.SKIPPED, 0L)
                + " skipped (failed trials are listed under Method).";
        return new Verification(Format.cell(p.label()), Format.cell(last.trial().settingsLabel()),
                String.valueOf(last.trial().trial()), rows, summary);
    }
}
