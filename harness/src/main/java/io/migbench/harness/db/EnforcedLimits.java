package io.migbench.harness.db;

import io.migbench.harness.model.ResourceLimits;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What was really enforced for an instance, limit by limit, as read back from the kernel's files or from
 * {@code docker inspect}; never what was merely asked for.
 */
public final class EnforcedLimits {
    private final Map<Limit, LimitReport> reports;

    private EnforcedLimits(Map<Limit, LimitReport> reports) {
        this.reports = reports;
    }

    /** One report per limit; limits without a report count as not requested. */
    public static EnforcedLimits of(List<LimitReport> reports) {
        Map<Limit, LimitReport> map = new EnumMap<>(Limit.class);
        for (LimitReport r : reports) {
            if (map.put(r.limit(), r) != null) {
                throw new IllegalArgumentException("two reports for " + r.limit().key());
            }
        }
        for (Limit l : Limit.values()) {
            map.putIfAbsent(l, LimitReport.notRequested(l));
        }
        return new EnforcedLimits(map);
    }

    /** Every requested limit gets the same status and reason (e.g. an external server). */
    public static EnforcedLimits all(ResourceLimits requested, LimitStatus status, String detail) {
        return of(java.util.Arrays.stream(Limit.values())
                .filter(l -> l.requested(requested) != null)
                .map(l -> new LimitReport(l, l.requested(requested), status, detail))
                .collect(Collectors.toList()));
    }

    public LimitReport get(Limit limit) {
        return reports.get(limit);
    }

    public LimitStatus status(Limit limit) {
        return reports.get(limit).status();
    }

    public List<LimitReport> reports() {
        return List.copyOf(reports.values());
    }

    /**
     * One word for the instance: "enforced" (all requested limits enforced), "partial" (some gap),
     * "not enforced" (none could be), "none requested".
     */
    public String overall() {
        List<LimitStatus> requested = reports.values().stream().map(LimitReport::status)
                .filter(s -> s != LimitStatus.NOT_REQUESTED).collect(Collectors.toList());
        if (requested.isEmpty()) {
            return "none requested";
        }
        if (requested.stream().allMatch(s -> s == LimitStatus.ENFORCED)) {
            return LimitStatus.ENFORCED.word();
        }
        if (requested.stream().allMatch(s -> s == LimitStatus.NOT_ENFORCED)) {
            return LimitStatus.NOT_ENFORCED.word();
        }
        return LimitStatus.PARTIAL.word();
    }

    /** Compact one-liner for CSV columns: {@code cpus=0.5:enforced;memory=512MiB:enforced;write_bps=50MB/s:partial(...)}. */
    public String summary() {
        return reports.values().stream().filter(r -> r.status() != LimitStatus.NOT_REQUESTED)
                .map(LimitReport::summary).collect(Collectors.joining(";"));
    }

    /** Requested value by limit key, for the "requested limits" CSV columns. */
    public Map<String, String> requestedByKey() {
        return reports.values().stream().filter(r -> r.requested() != null)
                .collect(Collectors.toMap(r -> r.limit().key(), LimitReport::requested, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnforcedLimits && ((EnforcedLimits) o).reports.equals(reports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reports);
    }

    @Override
    public String toString() {
        String s = summary();
        return overall() + (s.isEmpty() ? "" : " [" + s + "]");
    }
}
