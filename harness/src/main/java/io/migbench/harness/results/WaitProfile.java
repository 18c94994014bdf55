package io.migbench.harness.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a server's working backends were doing, sampled: the share of observations per wait event
 * ({@code type/event}, or {@code CPU} when the backend waited on nothing), largest first.
 *
 * @param samples observations of one backend each (a poll seeing three active backends adds three)
 * @param shares  share of the observations per wait event, summing to 1 when {@code samples > 0}
 */
public record WaitProfile(long samples, Map<String, Double> shares) {
    public static final String CPU = "CPU";
    private static final Comparator<Map.Entry<String, Double>> LARGEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    public WaitProfile {
        if (samples < 0) {
            throw new IllegalArgumentException("wait samples: must not be negative, got " + samples);
        }
        shares = sorted(shares);
    }

    /** Shares from raw counts per wait event. */
    public static WaitProfile ofCounts(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((event, n) -> shares.put(event, total == 0 ? 0 : (double) n / total));
        return new WaitProfile(total, total == 0 ? Map.of() : shares);
    }

    /** Several trials' profiles as one, each weighted by its samples. */
    public static WaitProfile merge(List<WaitProfile> profiles) {
        long total = profiles.stream().mapToLong(WaitProfile::samples).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (WaitProfile p : profiles) {
            p.shares.forEach((event, share) -> shares.merge(event, share * p.samples / total, Double::sum));
        }
        return new WaitProfile(total, total == 0 ? Map.of() : shares);
    }

    public double share(String event) {
        return shares.getOrDefault(event, 0.0);
    }

    /** The CSV cell: {@code CPU=0.612;IO/WALWrite=0.221}, largest first, three decimals. */
    public String sharesText() {
        return shares.entrySet().stream()
                .map(e -> e.getKey() + "=" + BigDecimal.valueOf(e.getValue()).setScale(3, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(";"));
    }

    /** Reads {@link #sharesText()} back; {@code null} when the samples count is unknown (an older CSV). */
    static WaitProfile parse(Long samples, String sharesText) {
        if (samples == null) {
            return null;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String part : sharesText.isBlank() ? new String[0] : sharesText.split(";")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("wait shares: '" + part + "' is not event=share");
            }
            shares.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
        }
        return new WaitProfile(samples, shares);
    }

    private static Map<String, Double> sorted(Map<String, Double> shares) {
        return shares.entrySet().stream().sorted(LARGEST_FIRST)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
