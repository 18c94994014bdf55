package io.migbench.harness.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes and rates, the one spelling of scenario files and result CSVs: {@code 512MiB}, {@code 1GiB},
 * {@code 50MB/s}, {@code 1048576} (bytes) and {@code unlimited} (no limit, {@code null}). Binary units (KiB,
 * MiB…) are powers of 1024, decimal units (kB, MB…) powers of 1000, as {@code dd} and docker use them.
 */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)\\s*(/s)?\\s*");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("B", 1L),
            Map.entry("kB", 1_000L), Map.entry("KB", 1_000L), Map.entry("MB", 1_000_000L),
            Map.entry("GB", 1_000_000_000L), Map.entry("TB", 1_000_000_000_000L),
            Map.entry("KiB", 1L << 10), Map.entry("MiB", 1L << 20), Map.entry("GiB", 1L << 30), Map.entry("TiB", 1L << 40));
    private static final String UNIT_LIST = "B, kB, MB, GB, TB, KiB, MiB, GiB, TiB";
    /** Largest first, binary before decimal of the same magnitude: 1024000000 is 1024MB, not 1000000KiB. */
    private static final String[] FORMAT_UNITS = {"TiB", "TB", "GiB", "GB", "MiB", "MB", "KiB", "kB"};

    private ByteSizes() {}

    /** A size in bytes; {@code null} for "unlimited". A "/s" suffix is rejected: this is not a rate. */
    public static Long size(String text) {
        return parse(text, false);
    }

    /** A rate in bytes per second ("/s" optional); {@code null} for "unlimited". */
    public static Long rate(String text) {
        return parse(text, true);
    }

    /** The shortest exact spelling: {@code 512MiB}, {@code 50MB}, plain bytes {@code 1001B}; "unlimited" for null. */
    public static String format(Long bytes) {
        if (bytes == null) {
            return "unlimited";
        }
        for (String unit : FORMAT_UNITS) {
            long factor = UNITS.get(unit);
            if (bytes >= factor && bytes % factor == 0) {
                return bytes / factor + unit;
            }
        }
        return bytes + "B";
    }

    /** {@link #format} followed by "/s"; "unlimited" for null. */
    public static String formatRate(Long bytesPerSecond) {
        return bytesPerSecond == null ? "unlimited" : format(bytesPerSecond) + "/s";
    }

    private static Long parse(String text, boolean rate) {
        if (text.strip().toLowerCase(Locale.ROOT).equals("unlimited")) {
            return null;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + (rate ? "rate" : "size") + ": \"" + text
                    + "\" (write e.g. " + (rate ? "50MB/s" : "512MiB") + ", or unlimited)");
        }
        Long factor = UNITS.get(m.group(2));
        if (factor == null) {
            throw new IllegalArgumentException("bad size unit \"" + m.group(2) + "\" in \"" + text + "\"; use one of "
                    + UNIT_LIST);
        }
        if (m.group(3) != null && !rate) {
            throw new IllegalArgumentException("\"" + text + "\" is a rate; a size is written without /s");
        }
        double bytes = Double.parseDouble(m.group(1)) * factor;
        if (bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("\"" + text + "\" is too large");
        }
        return Math.round(bytes);
    }
}
