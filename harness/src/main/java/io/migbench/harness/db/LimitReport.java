package io.migbench.harness.db;

import java.util.Objects;

/**
 * What became of one requested limit.
 *
 * @param limit     which limit
 * @param requested the requested value as text, null when not requested
 * @param status    what the read-back confirmed
 * @param detail    short reason or the value read back (no ';', it separates summary entries)
 */
public record LimitReport(Limit limit, String requested, LimitStatus status, String detail) {
    public LimitReport {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail.replace(';', ',');
        if ((requested == null) != (status == LimitStatus.NOT_REQUESTED)) {
            throw new IllegalArgumentException(limit.key() + ": status " + status + " contradicts requested=" + requested);
        }
    }

    public static LimitReport notRequested(Limit limit) {
        return new LimitReport(limit, null, LimitStatus.NOT_REQUESTED, "");
    }

    /** {@code cpus=0.5:enforced}, with the detail in parentheses when not fully enforced. */
    public String summary() {
        String base = limit.key() + "=" + requested + ":" + status.word();
        return status == LimitStatus.ENFORCED || detail.isEmpty() ? base : base + "(" + detail + ")";
    }
}
