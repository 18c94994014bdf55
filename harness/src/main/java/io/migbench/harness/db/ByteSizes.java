package io.migbench.harness.db;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints byte sizes and bandwidths as written in scenario files: {@code 512MiB}, {@code 1GiB},
 * {@code 50MB/s}. Decimal units (kB, MB, GB, TB) are powers of 1000, binary units (KiB, MiB, GiB, TiB)
 * powers of 1024; a bare number is bytes. Unit letters are case-insensitive.
 */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)\\s*");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("kb", 1000L), Map.entry("mb", 1000L * 1000), Map.entry("gb", 1000L * 1000 * 1000),
            Map.entry("tb", 1000L * 1000 * 1000 * 1000),
            Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20), Map.entry("gib", 1L << 30),
            Map.entry("tib", 1L << 40));
    private static final String KNOWN_UNITS = "B, kB, MB, GB, TB, KiB, MiB, GiB, TiB";

    private ByteSizes() {}

    /** Bytes in {@code text}, e.g. "512MiB" = 536870912; {@code field} names the option in errors. */
    public static long parseBytes(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": a size is required, e.g. 512MiB");
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": \"" + text + "\" is not a size like 512MiB or 50MB");
        }
        Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException(field + ": unknown unit \"" + m.group(2) + "\" in \"" + text
                    + "\" (use " + KNOWN_UNITS + ")");
        }
        double bytes = Double.parseDouble(m.group(1)) * unit;
        if (bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": \"" + text + "\" is too large");
        }
        return Math.round(bytes);
    }

    /** Bytes per second in {@code text}, e.g. "50MB/s" = 50000000; the "/s" suffix is optional. */
    public static long parseBytesPerSecond(String field, String text) {
        String t = text == null ? null : text.strip();
        if (t != null && t.toLowerCase(Locale.ROOT).endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        return parseBytes(field, t);
    }

    /** The shortest exact spelling: "512MiB", "50MB", or plain bytes "1000001B". */
    public static String format(long bytes) {
        String[] binary = {"TiB", "GiB", "MiB", "KiB"};
        String[] decimal = {"TB", "GB", "MB", "kB"};
        for (int i = 0; i < binary.length; i++) {
            long b = UNITS.get(binary[i].toLowerCase(Locale.ROOT));
            if (bytes >= b && bytes % b == 0) {
                return bytes / b + binary[i];
            }
            long d = UNITS.get(decimal[i].toLowerCase(Locale.ROOT));
            if (bytes >= d && bytes % d == 0) {
                return bytes / d + decimal[i];
            }
        }
        return bytes + "B";
    }

    /** {@link #format(long)} followed by "/s". */
    public static String formatRate(long bytesPerSecond) {
        return format(bytesPerSecond) + "/s";
    }
}
