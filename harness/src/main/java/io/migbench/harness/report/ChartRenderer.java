package io.migbench.harness.report;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the report's charts as PNG files (headless), each with a title, axis units and a legend. */
final class ChartRenderer {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private ChartRenderer() {}

    static List<ChartLink> render(List<PlatformAnalysis> platforms, Path chartsDir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(chartsDir);
        List<ChartLink> out = new ArrayList<>();
        if (platforms.stream().anyMatch(p -> !p.bestPerTaskCount().isEmpty())) {
            out.add(save(versusTasks(platforms, "Throughput vs. parallel tasks", "Rows per second",
                    TrialRecord::rowsPerSecond), chartsDir, "throughput-vs-tasks.png"));
            out.add(save(versusTasks(platforms, "Data rate vs. parallel tasks", "MB per second (10^6 bytes)",
                    TrialRecord::mbPerSecond), chartsDir, "mb-per-second-vs-tasks.png"));
        }
        if (platforms.stream().anyMatch(p -> p.best().map(b -> !b.measured().get(0).tables().isEmpty()).orElse(false))) {
            out.add(save(perTable(platforms), chartsDir, "per-table-throughput.png"));
        }
        if (platforms.stream().flatMap(p -> p.primaryConfigurations().stream()).map(c -> c.key().engine()).distinct().count() > 1) {
            out.add(save(engines(platforms), chartsDir, "engine-comparison.png"));
        }
        if (platforms.stream().anyMatch(p -> p.best().isPresent())) {
            out.add(save(phases(platforms), chartsDir, "phase-breakdown.png"));
        }
        return out;
    }

    static ChartLink save(Chart<?, ?> chart, Path dir, String file) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        return new ChartLink(chart.getTitle(), "charts/" + file);
    }

    /**
     * A metric against task count on a log-2 axis, per platform: every measured trial as a dot, the median as a
     * line, its interval of the median as a vertical bar (drawn as its own segment: the interval is not symmetric),
     * and the optimum ringed.
     */
    private static XYChart versusTasks(List<PlatformAnalysis> platforms, String title, String yTitle,
                                       Function<TrialRecord, Double> metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title + " (dots = trials, line = median, bars = interval of the median)")
                .xAxisTitle("Parallel tasks (log2 scale)").yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ChartRenderer::powerOfTwoLabel);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartRenderer::compact);
        chart.getStyler().setYAxisMin(0.0);
        List<Double> bestX = new ArrayList<>();
        List<Double> bestY = new ArrayList<>();
        Color[] palette = chart.getStyler().getSeriesColors();
        int drawn = 0;
        for (PlatformAnalysis p : platforms) {
            List<ConfigurationStats> curve = p.bestPerTaskCount().stream()
                    .filter(c -> c.summarize(metric).isPresent()).toList();
            if (curve.isEmpty()) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> trialX = new ArrayList<>();
            List<Double> trialY = new ArrayList<>();
            // one colour per platform for its median, trials and intervals
            Color color = palette[drawn++ % palette.length];
            for (ConfigurationStats c : curve) {
                double tasks = log2(c.representative().tasks());
                Summary s = c.summarize(metric).orElseThrow();
                x.add(tasks);
                y.add(s.median());
                c.measured().stream().map(r -> metric.apply(r.trial())).filter(v -> v != null).forEach(v -> {
                    trialX.add(tasks);
                    trialY.add(v);
                });
                if (s.hasInterval()) {
                    XYSeries bar = chart.addSeries(p.shortLabel() + " interval " + c.representative().tasks(),
                            List.of(tasks, tasks), List.of(s.ciLow(), s.ciHigh()));
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setShowInLegend(false);
                    bar.setLineWidth(3f);
                    bar.setLineColor(color);
                }
            }
            XYSeries median = chart.addSeries(p.shortLabel() + " median", x, y);
            median.setMarker(SeriesMarkers.CIRCLE);
            median.setLineColor(color);
            median.setMarkerColor(color);
            XYSeries dots = chart.addSeries(p.shortLabel() + " trials", trialX, trialY);
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
            int best = y.indexOf(y.stream().max(Double::compare).orElseThrow());
            bestX.add(x.get(best));
            bestY.add(y.get(best));
        }
        XYSeries optimum = chart.addSeries("highest median", bestX, bestY);
        optimum.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        optimum.setMarker(SeriesMarkers.DIAMOND);
        optimum.setMarkerColor(Color.BLACK);
        return chart;
    }

    /** Per-table median rows/s of each platform's best configuration. */
    private static CategoryChart perTable(List<PlatformAnalysis> platforms) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Per-table throughput, best configuration per platform")
                .xAxisTitle("Table").yAxisTitle("Rows per second (median)").build();
        style(chart.getStyler());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartRenderer::compact);
        Set<String> tables = new LinkedHashSet<>();
        Map<String, Map<String, Double>> perPlatform = new LinkedHashMap<>();
        for (PlatformAnalysis p : platforms) {
            p.best().ifPresent(best -> {
                Map<String, Double> medians = new LinkedHashMap<>();
                TransferSection.byTable(best).forEach((name, list) -> TransferSection.median(list, TableRecord::rowsPerSecond)
                        .ifPresent(m -> medians.put(name, m)));
                tables.addAll(medians.keySet());
                perPlatform.put(p.shortLabel(), medians);
            });
        }
        List<String> categories = List.copyOf(tables);
        rotateIfCrowded(chart, categories);
        perPlatform.forEach((platform, medians) -> chart.addSeries(platform, categories,
                categories.stream().map(t -> (Number) medians.getOrDefault(t, 0.0)).toList()));
        return chart;
    }

    /**
     * Each engine's best median rows/s per platform from its main source. The interval of the median is asymmetric
     * and a bar chart's error bars are not, so each bar reaches the interval's farther end on both sides.
     */
    private static CategoryChart engines(List<PlatformAnalysis> platforms) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Copy engines" + sourceOfEngines(platforms) + " (best of each, bars = interval of the median)")
                .xAxisTitle("Platform").yAxisTitle("Rows per second (median)").build();
        style(chart.getStyler());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(ChartRenderer::compact);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        List<String> categories = platforms.stream().map(PlatformAnalysis::shortLabel).toList();
        rotateIfCrowded(chart, categories);
        for (EngineKind engine : EngineKind.values()) {
            List<Number> y = new ArrayList<>();
            List<Number> err = new ArrayList<>();
            boolean any = false;
            for (PlatformAnalysis p : platforms) {
                ConfigurationStats c = p.bestPerEngine().get(engine);
                any |= c != null;
                y.add(c == null ? 0.0 : c.median());
                err.add(c == null ? 0.0 : c.throughput().filter(Summary::hasInterval)
                        .map(t -> Math.max(t.median() - t.ciLow(), t.ciHigh() - t.median())).orElse(0.0));
            }
            if (any) {
                chart.addSeries(engine.code(), categories, y, err);
            }
        }
        return chart;
    }

    /**
     * Which source the engine bars are of, when the runs hold several: a {@code compare_with} source is compared in
     * the report's tables, not on this chart.
     */
    private static String sourceOfEngines(List<PlatformAnalysis> platforms) {
        if (platforms.stream().flatMap(p -> p.sourceEngines().stream()).distinct().count() < 2) {
            return "";
        }
        List<String> main = platforms.stream().map(PlatformAnalysis::primarySource).distinct().toList();
        return main.size() == 1 ? " on the " + main.get(0) + " source" : " on each platform's main source";
    }

    /** Median seconds per phase for each platform's baseline and best configuration, stacked. */
    private static CategoryChart phases(List<PlatformAnalysis> platforms) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Where the time goes: median seconds per phase")
                .xAxisTitle("Configuration").yAxisTitle("Seconds").build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        List<String> categories = new ArrayList<>();
        List<ConfigurationStats> configs = new ArrayList<>();
        for (PlatformAnalysis p : platforms) {
            Set<ConfigurationStats> shown = new LinkedHashSet<>();
            p.baseline().filter(b -> b.n() > 0).ifPresent(shown::add);
            p.best().ifPresent(shown::add);
            shown.forEach(c -> {
                String role = c.representative().baseline() ? "baseline" : "best";
                categories.add(p.shortLabel() + " · " + role + " (" + Format.tasks(c.representative().tasks()) + ")");
                configs.add(c);
            });
        }
        rotateIfCrowded(chart, categories);
        Map<String, java.util.function.Function<TrialRecord, Double>> phases = new LinkedHashMap<>();
        phases.put("schema", TrialRecord::schemaSeconds);
        phases.put("copy", TrialRecord::copySeconds);
        phases.put("index", TrialRecord::indexSeconds);
        phases.put("verify", TrialRecord::verifySeconds);
        phases.forEach((name, metric) -> chart.addSeries(name, categories, configs.stream()
                .map(c -> (Number) c.summarize(metric).map(Summary::median).orElse(0.0)).toList()));
        return chart;
    }

    private static void rotateIfCrowded(CategoryChart chart, List<String> categories) {
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        if (categories.size() * Math.min(longest, 30) > 90) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
    }

    static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAntiAlias(true);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            axes.setPlotGridLinesColor(new Color(225, 225, 225));
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
        }
    }

    static double log2(int tasks) {
        return Math.log(tasks) / Math.log(2);
    }

    /** Tick at log2 position x labelled with the task count; between powers of two, no label. */
    static String powerOfTwoLabel(Double x) {
        double rounded = Math.rint(x);
        return Math.abs(x - rounded) < 1e-9 ? String.valueOf((long) Math.pow(2, rounded)) : "";
    }

    /** 531000 → "531k", 1200000 → "1.2M". */
    static String compact(Double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return trimZero(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        }
        if (a >= 1e3) {
            return trimZero(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        return trimZero(String.format(Locale.ROOT, "%.1f", v));
    }

    private static String trimZero(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
