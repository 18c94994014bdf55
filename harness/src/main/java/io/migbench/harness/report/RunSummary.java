package io.migbench.harness.report;

import io.migbench.harness.model.BuildInfo;
import io.migbench.harness.results.EnvironmentFacts;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Ranking;
import io.migbench.harness.stats.Summary;
import io.migbench.harness.tune.PlatformRecommendation;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run's results for machines: what {@code summary.json} holds (docs/summary-json.md). Drawn from the same
 * {@link PlatformAnalysis}, {@link Ranking} and recommendations as REPORT.md, so the two never disagree.
 *
 * @param summaryVersion the layout version, raised on any incompatible change
 * @param tool           the migbench that wrote the summary, and the JVM and OS it ran on
 * @param confidence     the confidence level of every interval
 * @param runs           the run folders read
 * @param platforms      per platform (a profile on a host), ordered by label
 */
public record RunSummary(int summaryVersion, Tool tool, double confidence, List<Run> runs,
                         List<PlatformSummary> platforms) {

    public static final int VERSION = 1;

    /** @param gitCommit {@code null} when the build did not know it */
    public record Tool(String migbenchVersion, String gitCommit, String java, String os) {
        static Tool current() {
            BuildInfo b = BuildInfo.current();
            return new Tool(b.version(), b.commit().orElse(null), BuildInfo.javaVersion(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"));
        }
    }

    /** One run folder, with the migbench and Java versions its trials recorded. */
    public record Run(String folder, List<String> runIds, String firstTrial, String lastTrial,
                      List<String> migbenchVersions, List<String> javaVersions) {}

    /**
     * One platform. The best configuration is REPORT.md's: the highest median among migbench's own configurations
     * with a completed trial (any engine's when migbench completed none); {@code tied} lists it and every one of
     * those whose interval overlaps its own. The recommendation is the tuned.yaml block of REPORT.md. The best's
     * fields are {@code null} when no trial completed.
     *
     * @param best      the best configuration's name (a {@link Configuration#name()})
     * @param ranking   the ranking in words; {@code null} when there was nothing to rank it against
     * @param sources   with several source engines ({@code compare_with}), each one's migbench best; else empty
     */
    public record PlatformSummary(String key, String platform, String host, Host environment, String durability,
                                  String best, Throughput bestRowsPerSecond, Boolean distinguishable,
                                  List<String> tied, String ranking, Recommendation recommendation,
                                  List<Source> sources, List<Configuration> configurations) {}

    /**
     * One source engine of the platform, as REPORT.md's "Source engines compared" has it.
     *
     * @param best                       migbench's best configuration from it (a {@link Configuration#name()})
     * @param ratioToFastest             its median over the fastest source's best median, to a thousandth
     * @param distinguishableFromFastest whether the two intervals of the median are apart; {@code null} for the
     *                                   fastest source itself
     */
    public record Source(String sourceEngine, String best, Throughput rowsPerSecond, double ratioToFastest,
                         Boolean distinguishableFromFastest) {
        static Source of(SourceBest s) {
            return new Source(s.sourceEngine(), Findings.configuration(s.best()), Throughput.of(Findings.throughput(s.best())),
                    thousandth(s.ratioToFastest()), s.isFastest() ? null : s.distinguishableFromFastest());
        }
    }

    public record Host(String os, String arch, String cpuModel, int logicalCores, long memoryBytes,
                       String virtualization) {
        static Host of(EnvironmentFacts f) {
            return new Host(f.os(), f.arch(), f.cpuModel(), f.logicalCores(), f.memoryBytes(),
                    f.virtualization().code());
        }
    }

    /**
     * The statistics of one configuration's measured trials (completed, not warmups).
     *
     * @param name            engine and settings, e.g. {@code migbench t8}, unique on the platform with the source
     * @param rowsPerSecond   {@code null} when no trial completed
     * @param medianSeconds   median wall-clock seconds of the whole migration
     */
    public record Configuration(String name, String sourceEngine, String engine, String settingsLabel,
                                boolean baseline, int tasks, Integer partitions, String copyFormat, int trials,
                                int measured, long warmups, int failed, Throughput rowsPerSecond,
                                Double medianSeconds, Double medianMbPerSecond, boolean noisy) {}

    /**
     * A sample's median and its distribution-free interval; the bounds are {@code null} for a single trial,
     * {@code coverage} is how sure the interval is (below the confidence level with fewer than six trials).
     */
    public record Throughput(int n, double median, Double ciLow, Double ciHigh, double coverage, double min,
                             double max) {
        static Throughput of(Summary s) {
            return new Throughput(s.n(), tenth(s.median()), s.hasInterval() ? tenth(s.ciLow()) : null,
                    s.hasInterval() ? tenth(s.ciHigh()) : null, Math.round(s.coverage() * 1000) / 1000.0,
                    tenth(s.min()), tenth(s.max()));
        }
    }

    /**
     * migbench's recommended settings on the platform, the block tuned.yaml and {@code --settings} carry.
     *
     * @param configuration the best configuration's name, which the recommendation is
     */
    public record Recommendation(String configuration, int tasks, Integer partitions, String copyFormat,
                                 Map<String, String> targetSettings, String verdict) {
        static Recommendation of(PlatformRecommendation r, String configuration) {
            return new Recommendation(configuration, r.settings().tasks(),
                    r.settings().partitions(), r.copyFormat(), r.targetSettings(), r.provenance().verdict().yamlName());
        }
    }

    /** The summary of {@code all}'s trials, read from {@code runDirs}. */
    static RunSummary of(List<Path> runDirs, List<TrialResult> all, List<PlatformAnalysis> platforms) {
        List<Run> runs = runDirs.stream().map(dir -> run(dir, all.stream()
                .filter(r -> r.runDir().equals(dir)).map(TrialResult::trial).toList())).toList();
        return new RunSummary(VERSION, Tool.current(), Summary.CONFIDENCE, runs,
                platforms.stream().map(RunSummary::platform).toList());
    }

    private static Run run(Path dir, List<TrialRecord> trials) {
        Optional<String> first = trials.stream().map(TrialRecord::timestamp).min(Comparator.naturalOrder()).map(Object::toString);
        Optional<String> last = trials.stream().map(TrialRecord::timestamp).max(Comparator.naturalOrder()).map(Object::toString);
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new Run(name == null ? dir.toString() : name.toString(), distinct(trials, TrialRecord::runId),
                first.orElse(null), last.orElse(null), distinct(trials, TrialRecord::migbenchVersion),
                distinct(trials, TrialRecord::javaVersion));
    }

    private static PlatformSummary platform(PlatformAnalysis p) {
        Optional<Ranking<ConfigurationStats>> ranking = p.ranking();
        Optional<ConfigurationStats> best = ranking.map(Ranking::fastest);
        return new PlatformSummary(p.key(), p.facts().platform(), p.facts().host().hostName(),
                Host.of(p.facts().host()), Findings.durability(p),
                best.map(Findings::configuration).orElse(null),
                best.map(c -> Throughput.of(Findings.throughput(c))).orElse(null),
                ranking.map(Ranking::distinguishable).orElse(null),
                ranking.map(r -> r.tied().stream().map(Findings::configuration).toList()).orElse(List.of()),
                ranking.filter(r -> r.ranked().size() > 1).map(RunSummary::words).orElse(null),
                // a recommendation is always of the best configuration, which is then migbench's own
                Recommendations.of(p).map(r -> Recommendation.of(r, Findings.configuration(best.orElseThrow())))
                        .orElse(null),
                sources(p), p.configurations().stream().map(RunSummary::configuration).toList());
    }

    private static List<Source> sources(PlatformAnalysis p) {
        List<SourceBest> sources = p.bestPerSource();
        return sources.size() < 2 ? List.of() : sources.stream().map(Source::of).toList();
    }

    /** The ranking's verdict in words, as the sweep's closing screen prints it. */
    private static String words(Ranking<ConfigurationStats> r) {
        return r.distinguishable() ? "distinguishable from every other configuration"
                : r.tieSentence(group -> Ranking.join(group.stream().map(Findings::configuration).toList()));
    }

    private static Configuration configuration(ConfigurationStats c) {
        TrialRecord t = c.representative();
        return new Configuration(Findings.configuration(c), c.key().sourceEngine(), c.key().engine().code(),
                c.key().settingsLabel(), t.baseline(), t.tasks(), t.partitions(),
                t.copyFormat().isBlank() ? null : t.copyFormat(), c.trials().size(), c.n(), c.warmups(),
                c.failed().size(), c.throughput().map(Throughput::of).orElse(null),
                c.summarize(TrialRecord::totalSeconds).map(s -> thousandth(s.median())).orElse(null),
                c.summarize(TrialRecord::mbPerSecond).map(s -> thousandth(s.median())).orElse(null),
                c.isNoisy());
    }

    private static List<String> distinct(List<TrialRecord> trials, Function<TrialRecord, String> field) {
        return trials.stream().map(field).distinct().toList();
    }

    /** Rows/s to a tenth, as tuned.yaml keeps them: more digits would be noise dressed as precision. */
    private static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double thousandth(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
