package io.migbench.harness.report;

import io.migbench.harness.results.TrialRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per platform: the host, the servers, their limits as requested and as enforced, durability and settings. */
final class EnvironmentSection implements ReportSection {
    record Environment(String platform, List<Metric> metrics) {}

    @Override
    public String template() {
        return "environment";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("environments", in.platforms().stream().map(EnvironmentSection::environment).toList())
                .map();
    }

    private static Environment environment(PlatformAnalysis p) {
        TrialRecord t = p.facts();
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("Host", t.host().hostName()));
        m.add(new Metric("OS / architecture", t.host().os() + " / " + t.host().arch()));
        m.add(new Metric("CPU", t.host().cpuModel() + ", " + t.host().logicalCores() + " logical cores"));
        m.add(new Metric("Memory", Format.memory(t.host().memoryBytes())));
        m.add(new Metric("Virtualization", t.host().virtualization().code()));
        m.add(new Metric("Backend", t.backend()));
        m.add(new Metric("Source", t.sourceEngine() + " " + t.sourceVersion()));
        m.add(new Metric("Target", t.targetEngine() + " " + t.targetVersion()));
        m.add(new Metric("Source limits (requested → enforced)",
                Format.orNone(t.sourceLimitsRequested()) + " → " + Format.orNone(t.sourceLimitsEnforced())));
        m.add(new Metric("Target limits (requested → enforced)",
                Format.orNone(t.targetLimitsRequested()) + " → " + Format.orNone(t.targetLimitsEnforced())));
        m.add(new Metric("Durability (target)", Findings.durability(p)));
        m.add(new Metric("Target settings", Format.orNone(t.targetSettings())));
        m.add(new Metric("Engine session settings (best)", t.sessionSettings()));
        m.add(new Metric("Engine settings (best)", t.settingsLabel()));
        return new Environment(Format.cell(p.label()),
                m.stream().map(x -> new Metric(x.name(), Format.cell(x.value()))).toList());
    }
}
