package io.migbench.engine.schema;

import java.math.BigInteger;

/**
 * How a source's identity column numbers rows, for sources that say so (SQL Server's seed and increment): the target
 * sequence starts and steps the same, over the source type's whole range, and after the load continues where the
 * source would, or past the copied values when they reach further.
 *
 * @param lastValue the last value the source handed out, or {@code null} when it never did (the next is then
 *                  {@code start})
 */
public record IdentityOptions(long start, long increment, long minValue, long maxValue, Long lastValue) {
    public IdentityOptions {
        if (increment == 0) {
            throw new IllegalArgumentException("an identity increment cannot be 0");
        }
    }

    /** {@code START WITH … INCREMENT BY … MINVALUE … MAXVALUE …}, for an identity's or a sequence's options. */
    public String sequenceOptions() {
        return "START WITH " + start + " INCREMENT BY " + increment + " MINVALUE " + minValue + " MAXVALUE " + maxValue;
    }

    /**
     * The value the sequence is set to after the load, given the SQL of the copied maximum (minimum for a descending
     * identity): the source's last value, or the value before {@code start} when there was none, or the copied
     * extreme when it is further ({@code greatest}/{@code least} skip a NULL); {@code NULL} leaves the sequence as it is.
     */
    public String resetValueSql(String copiedExtreme) {
        BigInteger floor = lastValue != null ? BigInteger.valueOf(lastValue)
                : BigInteger.valueOf(start).subtract(BigInteger.valueOf(increment));
        boolean inRange = floor.compareTo(BigInteger.valueOf(minValue)) >= 0 && floor.compareTo(BigInteger.valueOf(maxValue)) <= 0;
        String known = inRange ? floor.toString() : "NULL";
        return (increment > 0 ? "greatest(" : "least(") + copiedExtreme + ", " + known + ")";
    }

    public boolean descending() {
        return increment < 0;
    }
}
