package io.migbench.harness.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in scenario files: {@code 90s}, {@code 20m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {}

    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\" (write e.g. 90s, 20m or 1h30m)");
        }
        return Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
    }

    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            out.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || s == 0) {
            out.append(s % 60).append('s');
        }
        return out.toString();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
