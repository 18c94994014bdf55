package io.migbench.harness.report;

import io.migbench.harness.stats.ConfigurationStats;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One section of REPORT.md: the template {@code report-templates/<template()>.mustache} (a partial that
 * report.md.mustache includes, in the order the reader sees) and its view model, the values that template reads,
 * every one already formatted. A new section is one class of this kind, listed in {@link ReportView}, and one
 * template.
 */
interface ReportSection {
    /** The template's name without {@code .mustache}, e.g. {@code key-finding}. */
    String template();

    /** The names the template reads and their values; no two sections fill the same name. */
    Map<String, Object> scope(ReportInput in);

    /** One entry per platform with a best configuration (platforms where nothing completed have none). */
    static <T> List<T> perBest(List<PlatformAnalysis> platforms, BiFunction<PlatformAnalysis, ConfigurationStats, T> entry) {
        return platforms.stream().flatMap(p -> p.best().map(b -> entry.apply(p, b)).stream()).toList();
    }
}
