package io.migbench.harness.report;

import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.TrialResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the sections of a report are drawn from: the trials of the run folders, analysed per platform, and the
 * charts already drawn.
 *
 * @param folderNames    each run folder as the report names it (relative to the report)
 * @param sources        each run folder's source tables (source_tables.csv)
 * @param charts         the charts under the key finding
 * @param resourceCharts the bottleneck charts, per platform key
 */
record ReportInput(List<PlatformAnalysis> platforms, List<TrialResult> all, Map<Path, String> folderNames,
                   Map<Path, List<SourceTable>> sources, List<ChartLink> charts, Map<String, List<ChartLink>> resourceCharts) {
}
