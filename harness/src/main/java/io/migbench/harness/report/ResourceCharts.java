package io.migbench.harness.report;

import io.migbench.harness.results.WaitProfile;
import io.migbench.harness.stats.ConfigurationStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The Bottleneck section's charts, per platform, over the best configuration at each task count: cores busy per
 * component vs tasks, and each server's wait-event shares vs tasks (stacked). Platforms without resource columns
 * get none.
 */
final class ResourceCharts {
    /** Wait events drawn by name per chart; the rest are stacked as "other". */
    private static final int NAMED_EVENTS = 5;

    private ResourceCharts() {}

    /** Charts by platform key. */
    static Map<String, List<ChartLink>> render(List<PlatformAnalysis> platforms, Path chartsDir) throws IOException {
        Map<String, List<ChartLink>> out = new LinkedHashMap<>();
        for (PlatformAnalysis p : platforms) {
            List<ConfigurationStats> curve = p.bestPerTaskCount();
            Map<Integer, ResourceFigures> figures = new LinkedHashMap<>();
            curve.forEach(c -> figures.put(c.representative().tasks(), ResourceFigures.of(c)));
            if (figures.values().stream().noneMatch(ResourceFigures::measured)) {
                continue;
            }
            String slug = p.shortLabel().replaceAll("[^A-Za-z0-9]+", "-");
            List<ChartLink> charts = new ArrayList<>();
            charts.add(ChartRenderer.save(cpu(p, figures), chartsDir, "cpu-vs-tasks-" + slug + ".png"));
            for (String server : List.of("target", "source")) {
                Function<ResourceFigures, WaitProfile> waits = server.equals("target")
                        ? ResourceFigures::targetWaits : ResourceFigures::sourceWaits;
                if (figures.values().stream().anyMatch(f -> waits.apply(f).samples() > 0)) {
                    charts.add(ChartRenderer.save(waits(p, server, figures, waits), chartsDir,
                            "waits-" + server + "-vs-tasks-" + slug + ".png"));
                }
            }
            out.put(p.key(), charts);
        }
        return out;
    }

    /** Median cores busy (CPU seconds per wall second) of each component against tasks. */
    private static XYChart cpu(PlatformAnalysis p, Map<Integer, ResourceFigures> figures) {
        XYChart chart = new XYChartBuilder().width(ChartRenderer.WIDTH).height(ChartRenderer.HEIGHT)
                .title("CPU per component vs. parallel tasks, " + p.shortLabel())
                .xAxisTitle("Parallel tasks (log2 scale)").yAxisTitle("Cores busy (CPU s per wall s, median)").build();
        ChartRenderer.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ChartRenderer::powerOfTwoLabel);
        chart.getStyler().setYAxisMin(0.0);
        Map<String, Function<ResourceFigures, Optional<Double>>> components = new LinkedHashMap<>();
        components.put("target server", ResourceFigures::targetBusy);
        components.put("source server", ResourceFigures::sourceBusy);
        components.put("engine (JVM)", ResourceFigures::engineBusy);
        components.forEach((name, busy) -> {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            figures.forEach((tasks, f) -> busy.apply(f).ifPresent(b -> {
                x.add(ChartRenderer.log2(tasks));
                y.add(b);
            }));
            if (!x.isEmpty()) {
                chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        });
        return chart;
    }

    /** Shares of the server's most frequent wait events at each task count, stacked to 100%. */
    private static CategoryChart waits(PlatformAnalysis p, String server, Map<Integer, ResourceFigures> figures,
                                       Function<ResourceFigures, WaitProfile> waits) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartRenderer.WIDTH).height(ChartRenderer.HEIGHT)
                .title("Wait events of the " + server + "'s active backends vs. parallel tasks, " + p.shortLabel())
                .xAxisTitle("Parallel tasks").yAxisTitle("Share of samples (%)").build();
        ChartRenderer.style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMax(100.0);
        List<String> categories = figures.keySet().stream().map(String::valueOf).toList();
        WaitProfile all = WaitProfile.merge(figures.values().stream().map(waits).toList());
        Set<String> named = new LinkedHashSet<>(all.shares().keySet().stream().limit(NAMED_EVENTS).toList());
        for (String event : named) {
            chart.addSeries(event, categories, figures.values().stream()
                    .map(f -> (Number) (waits.apply(f).share(event) * 100)).toList());
        }
        if (all.shares().size() > named.size()) {
            chart.addSeries("other", categories, figures.values().stream().map(f -> (Number) (100 * waits.apply(f).shares()
                    .entrySet().stream().filter(e -> !named.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum()))
                    .toList());
        }
        return chart;
    }
}
