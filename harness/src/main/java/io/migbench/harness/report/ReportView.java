package io.migbench.harness.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's content as the templates see it: every section's values, every one already formatted, every number
 * taken from the trials. Sections that do not apply (no baseline, one source engine, one copy engine, no failures)
 * have empty lists, which Mustache skips.
 */
final class ReportView {
    /** Every section, in the order report.md.mustache includes them. */
    static final List<ReportSection> SECTIONS = List.of(new HeaderSection(), new KeyFindingSection(),
            new ExecutiveSummarySection(), new EnvironmentSection(), new SourceDatabaseSection(),
            new VerificationSection(), new TransferSection(), new BottleneckSection(), new ComparisonsSection(),
            new RecommendationsSection(), new ProjectionSection(), new MethodSection());

    private ReportView() {}

    /** The template scope: the union of the sections' values. */
    static Map<String, Object> scope(ReportInput in) {
        Map<String, Object> scope = new LinkedHashMap<>();
        for (ReportSection section : SECTIONS) {
            section.scope(in).forEach((name, value) -> {
                if (scope.put(name, value) != null) {
                    throw new IllegalStateException("report section " + section.template() + " fills \"" + name
                            + "\", which another section fills too");
                }
            });
        }
        return scope;
    }
}
