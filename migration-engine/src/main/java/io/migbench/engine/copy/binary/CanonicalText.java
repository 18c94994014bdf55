package io.migbench.engine.copy.binary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Renders Java values exactly as PostgreSQL's {@code ::text} renders the stored value under
 * {@link io.migbench.engine.verify.RowDigestSql#SESSION_SETTINGS} (TimeZone UTC, DateStyle ISO,
 * extra_float_digits 1, bytea_output hex), so a row hashed in Java matches the row hashed in SQL.
 * Values are rendered as the target column stores them: numerics rounded to the column scale, times
 * rounded to the column precision, char(n) without its trailing blanks (bpchar's cast to text drops them).
 */
public final class CanonicalText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** float8out/float4out (Ryu) print positional notation for decimal exponents -4 ≤ e < this, else e-notation. */
    private static final int FLOAT8_POSITIONAL_LIMIT = 15;
    private static final int FLOAT4_POSITIONAL_LIMIT = 6;

    private CanonicalText() {}

    /** {@code boolean::text} is {@code true}/{@code false} (the cast uses booltext, not boolout's t/f). */
    public static void appendBoolean(StringBuilder sb, boolean v) {
        sb.append(v ? "true" : "false");
    }

    public static void appendLong(StringBuilder sb, long v) {
        sb.append(v);
    }

    /** numeric as stored in a column of the given scale ({@code -1}: unconstrained, kept as is). */
    public static void appendNumeric(StringBuilder sb, BigDecimal v, int scale) {
        BigDecimal stored = scale >= 0 ? v.setScale(scale, RoundingMode.HALF_UP)
                : v.scale() < 0 ? v.setScale(0) : v;
        sb.append(stored.toPlainString());
    }

    /** float8 as {@code float8out}: the shortest digits strictly inside the value's rounding interval (Ryu). */
    public static void appendFloat8(StringBuilder sb, double v) {
        if (special(sb, v)) {
            return;
        }
        double a = Math.abs(v);
        BigDecimal above = a == Double.MAX_VALUE ? new BigDecimal(a).add(new BigDecimal(Math.ulp(a)))
                : new BigDecimal(Math.nextUp(a));
        appendShortest(sb, v < 0, shortest(new BigDecimal(a), new BigDecimal(Math.nextDown(a)), above),
                FLOAT8_POSITIONAL_LIMIT);
    }

    /** float4 as {@code float4out}: as float8 but within the float's own, wider rounding interval. */
    public static void appendFloat4(StringBuilder sb, float v) {
        if (special(sb, v)) {
            return;
        }
        float a = Math.abs(v);
        double above = a == Float.MAX_VALUE ? (double) a + Math.ulp(a) : Math.nextUp(a);
        appendShortest(sb, v < 0, shortest(new BigDecimal(a), new BigDecimal(Math.nextDown(a)),
                new BigDecimal(above)), FLOAT4_POSITIONAL_LIMIT);
    }

    /**
     * The decimal with the fewest digits strictly between the midpoints to the neighbouring binary values
     * (a decimal exactly on a midpoint is not taken: Ryu as built into PostgreSQL excludes the bounds), and
     * among those the nearest to the exact value.
     */
    private static BigDecimal shortest(BigDecimal exact, BigDecimal below, BigDecimal above) {
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal low = exact.add(below).divide(two);
        BigDecimal high = exact.add(above).divide(two);
        for (int digits = 1; ; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            BigDecimal best = null;
            for (BigDecimal candidate : new BigDecimal[]{nearest, nearest.add(nearest.ulp()),
                    nearest.subtract(nearest.ulp())}) {
                boolean inside = candidate.compareTo(low) > 0 && candidate.compareTo(high) < 0;
                if (inside && (best == null || candidate.subtract(exact).abs()
                        .compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
    }

    private static boolean special(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("NaN");
        } else if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "Infinity" : "-Infinity");
        } else if (v == 0) {
            sb.append(1 / v < 0 ? "-0" : "0");
        } else {
            return false;
        }
        return true;
    }

    /**
     * The {@code digits}-digit decimal nearest to the exact binary value that reads back as the same value;
     * its neighbours are tried too because the round-trip interval is lopsided at powers of two.
     */
    private static BigDecimal roundTripping(BigDecimal exact, int digits,
                                            java.util.function.Predicate<BigDecimal> readsBack) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (readsBack.test(nearest)) {
            return nearest;
        }
        BigDecimal ulp = nearest.ulp();
        BigDecimal up = nearest.add(ulp);
        BigDecimal down = nearest.subtract(ulp);
        boolean upOk = up.precision() == digits && readsBack.test(up);
        boolean downOk = down.signum() > 0 && down.precision() == digits && readsBack.test(down);
        if (upOk && downOk) {
            return up.subtract(exact).abs().compareTo(exact.subtract(down).abs()) <= 0 ? up : down;
        }
        return upOk ? up : downOk ? down : null;
    }

    private static void appendShortest(StringBuilder sb, boolean negative, BigDecimal value, int positionalLimit) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int n = digits.length();
        int exponent = n - stripped.scale() - 1; // scientific exponent of the first digit
        if (negative) {
            sb.append('-');
        }
        if (exponent >= -4 && exponent < positionalLimit) {
            if (exponent < 0) {
                sb.append("0.");
                sb.append("0".repeat(-exponent - 1)).append(digits);
            } else if (exponent + 1 >= n) {
                sb.append(digits).append("0".repeat(exponent + 1 - n));
            } else {
                sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        }
    }

    /** char(n) as text: PostgreSQL drops the trailing blanks of a bpchar when casting it to text. */
    public static void appendBpchar(StringBuilder sb, String v) {
        int end = v.length();
        while (end > 0 && v.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(v, 0, end);
    }

    public static void appendBytea(StringBuilder sb, byte[] v) {
        sb.append("\\x");
        for (byte b : v) {
            sb.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }

    /** date from days since 2000-01-01, ISO {@code YYYY-MM-DD}. */
    public static void appendDate(StringBuilder sb, int pgDays) {
        LocalDate d = LocalDate.ofEpochDay(pgDays + PgEpoch.PG_EPOCH_DAY);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2);
    }

    /** time from microseconds since midnight (24:00:00 included), fraction without trailing zeros. */
    public static void appendTime(StringBuilder sb, long micros) {
        long seconds = micros / 1_000_000L;
        pad(sb, (int) (seconds / 3600), 2).append(':');
        pad(sb, (int) (seconds / 60 % 60), 2).append(':');
        pad(sb, (int) (seconds % 60), 2);
        int fraction = (int) (micros % 1_000_000L);
        if (fraction != 0) {
            int width = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            sb.append('.');
            pad(sb, fraction, width);
        }
    }

    /** timestamp from microseconds since 2000-01-01: {@code YYYY-MM-DD HH:MM:SS[.ffffff]}. */
    public static void appendTimestamp(StringBuilder sb, long pgMicros) {
        appendDate(sb, (int) Math.floorDiv(pgMicros, MICROS_PER_DAY));
        sb.append(' ');
        appendTime(sb, Math.floorMod(pgMicros, MICROS_PER_DAY));
    }

    /** timestamptz as shown with TimeZone UTC: the timestamp followed by {@code +00}. */
    public static void appendTimestamptz(StringBuilder sb, long pgMicrosUtc) {
        appendTimestamp(sb, pgMicrosUtc);
        sb.append("+00");
    }

    public static void appendUuid(StringBuilder sb, long mostSignificant, long leastSignificant) {
        hex(sb, mostSignificant >>> 32, 8).append('-');
        hex(sb, mostSignificant >>> 16, 4).append('-');
        hex(sb, mostSignificant, 4).append('-');
        hex(sb, leastSignificant >>> 48, 4).append('-');
        hex(sb, leastSignificant, 12);
    }

    private static StringBuilder hex(StringBuilder sb, long v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (v >>> shift) & 0xF]);
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (v < limit) {
                sb.append('0');
            }
        }
        return sb.append(v);
    }
}
