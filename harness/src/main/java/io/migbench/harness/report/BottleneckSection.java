package io.migbench.harness.report;

import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.WaitProfile;
import io.migbench.harness.stats.ConfigurationStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's Bottleneck section: for each platform's best configuration, how busy each component's CPU was,
 * what the servers' backends waited on, the storage bytes and the target's WAL, all from the trials' resource
 * columns. A component is called CPU-bound when its median load reaches {@value #CPU_BOUND} of the cores it
 * could use.
 */
public final class BottleneckSection implements ReportSection {
    static final double CPU_BOUND = 0.85;
    /** Wait events named in the summary line; the rest are summed as "other". */
    private static final int NAMED_EVENTS = 3;

    record Component(String component, String cpu, String read, String written, String waits) {}
    record LargestWait(String server, String event, String share) {}
    record Bottleneck(String platform, String settings, String summary, boolean cpuBound, String busiest,
                      String busiestLoad, String busiestShare, List<LargestWait> largestWait,
                      List<Component> components, String wal, List<ChartLink> charts) {}

    private record Load(String component, double busy, CoreBudget cores) {
        double fraction() {
            return busy / cores.cores();
        }

        String text() {
            return Format.decimal(busy, 1) + " of " + cores.label() + " busy";
        }
    }


    /** One line per platform for the console: its best configuration, the verdict and the figures behind it. */
    public static List<String> consoleLines(List<TrialResult> results) {
        List<String> out = new ArrayList<>();
        for (PlatformAnalysis p : PlatformAnalysis.of(results)) {
            p.best().flatMap(b -> of(p, b, List.of())).ifPresent(b -> out.add(b.platform() + ", " + b.settings() + ": "
                    + (b.cpuBound() ? b.busiest() + " CPU-bound" : "no component CPU-bound") + "; " + b.summary()));
        }
        return out;
    }

    @Override
    public String template() {
        return "bottleneck";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        List<Bottleneck> out = new ArrayList<>();
        for (PlatformAnalysis p : in.platforms()) {
            p.best().flatMap(b -> of(p, b, in.resourceCharts().getOrDefault(p.key(), List.of()))).ifPresent(out::add);
        }
        return new Scope().list("bottlenecks", out).map();
    }

    private static Optional<Bottleneck> of(PlatformAnalysis p, ConfigurationStats best, List<ChartLink> charts) {
        ResourceFigures f = ResourceFigures.of(best);
        if (!f.measured()) {
            return Optional.empty();
        }
        List<Load> loads = new ArrayList<>();
        f.targetBusy().ifPresent(b -> loads.add(new Load("target", b, f.targetCores())));
        f.sourceBusy().ifPresent(b -> loads.add(new Load("source", b, f.sourceCores())));
        f.engineBusy().ifPresent(b -> loads.add(new Load("engine", b, f.engineCores())));
        Optional<Load> busiest = loads.stream().max(Comparator.comparingDouble(Load::fraction));
        List<String> parts = new ArrayList<>();
        loads.forEach(l -> parts.add(l.component() + " " + l.text()));
        waitsPhrase("target", f.targetWaits()).ifPresent(parts::add);
        waitsPhrase("source", f.sourceWaits()).ifPresent(parts::add);
        List<Component> components = List.of(
                new Component("source server", cpu(f.sourceBusy(), f.sourceCores()), bytes(f.sourceRead()),
                        bytes(f.sourceWritten()), waits(f.sourceWaits())),
                new Component("target server", cpu(f.targetBusy(), f.targetCores()), bytes(f.targetRead()),
                        bytes(f.targetWritten()), waits(f.targetWaits())),
                new Component("engine (migbench JVM)", cpu(f.engineBusy(), f.engineCores()), "–", "–", "–"));
        return Optional.of(new Bottleneck(p.label(), best.key().label(), String.join("; ", parts),
                busiest.map(b -> b.fraction() >= CPU_BOUND).orElse(false),
                busiest.map(Load::component).orElse("–"), busiest.map(Load::text).orElse("–"),
                busiest.map(b -> Format.percent(b.fraction())).orElse("–"),
                largestWait(f).stream().toList(), components, wal(f), charts));
    }

    /** "target backends 61% on CPU, 22% LWLock/WALWrite, 9% IO/DataFileExtend, 8% other". */
    private static Optional<String> waitsPhrase(String server, WaitProfile w) {
        if (w.samples() == 0) {
            return Optional.empty();
        }
        return Optional.of(server + " backends " + shares(w));
    }

    private static String shares(WaitProfile w) {
        List<String> named = new ArrayList<>();
        double rest = 1;
        for (Map.Entry<String, Double> e : w.shares().entrySet()) {
            if (named.size() == NAMED_EVENTS) {
                break;
            }
            named.add(whole(e.getValue()) + (e.getKey().equals(WaitProfile.CPU) ? " on CPU" : " " + e.getKey()));
            rest -= e.getValue();
        }
        if (w.shares().size() > NAMED_EVENTS && rest > 0.005) {
            named.add(whole(rest) + " other");
        }
        return String.join(", ", named);
    }

    /** The largest share that is a wait, not CPU, over both servers. */
    private static Optional<LargestWait> largestWait(ResourceFigures f) {
        LargestWait best = null;
        double share = 0;
        for (Map.Entry<String, WaitProfile> server : List.of(Map.entry("target", f.targetWaits()),
                Map.entry("source", f.sourceWaits()))) {
            for (Map.Entry<String, Double> e : server.getValue().shares().entrySet()) {
                if (!e.getKey().equals(WaitProfile.CPU) && e.getValue() > share) {
                    share = e.getValue();
                    best = new LargestWait(server.getKey(), e.getKey(), whole(e.getValue()));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static String cpu(Optional<Double> busy, CoreBudget cores) {
        return busy.map(b -> Format.decimal(b, 2) + " of " + cores.label() + " (" + Format.percent(b / cores.cores()) + ")")
                .orElse("not measured");
    }

    private static String bytes(Optional<Double> b) {
        return b.map(v -> Format.bytes(Math.round(v))).orElse("not measured");
    }

    private static String waits(WaitProfile w) {
        return w.samples() == 0 ? "not sampled" : shares(w) + " (" + w.samples() + " observations)";
    }

    private static String wal(ResourceFigures f) {
        if (f.targetWal().isEmpty()) {
            return "not measured";
        }
        String text = Format.bytes(Math.round(f.targetWal().get())) + " per trial";
        return f.copyBytes().filter(b -> b > 0)
                .map(b -> text + " (" + Format.ratio(f.targetWal().get() / b) + " the COPY stream)").orElse(text);
    }

    private static String whole(double share) {
        return Math.round(share * 100) + "%";
    }
}
