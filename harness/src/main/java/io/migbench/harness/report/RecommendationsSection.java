package io.migbench.harness.report;

import java.util.Map;

/** A complete tuned.yaml per host, each platform's best migbench configuration ({@link Recommendations}). */
final class RecommendationsSection implements ReportSection {
    record Recommendation(String host, String yaml) {}

    @Override
    public String template() {
        return "recommendations";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("recommendations", Recommendations.yamlByHost(in.platforms()).entrySet().stream()
                .map(e -> new Recommendation(e.getKey(), e.getValue())).toList()).map();
    }
}
