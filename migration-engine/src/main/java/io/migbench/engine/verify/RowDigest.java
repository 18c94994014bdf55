package io.migbench.engine.verify;

import java.math.BigDecimal;

/** Row count and order-independent checksum of a set of rows ({@link RowDigestSql}). */
public record RowDigest(long rows, BigDecimal checksum) {
    public RowDigest plus(RowDigest other) {
        return new RowDigest(rows + other.rows, checksum.add(other.checksum));
    }

    public static RowDigest empty() {
        return new RowDigest(0, BigDecimal.ZERO);
    }
}
