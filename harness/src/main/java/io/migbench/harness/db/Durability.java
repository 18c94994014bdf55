package io.migbench.harness.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a PostgreSQL server keeps what it committed across a crash, judged from the settings it reports:
 * {@code durable} when fsync, full_page_writes and synchronous_commit are as PostgreSQL ships them, else
 * {@code non-durable(fsync=off,…)} naming each one switched off. A load onto a non-durable server is faster and
 * predicts nothing about a production target, so every trial row and the report say which it was.
 */
public final class Durability {
    public static final String DURABLE = "durable";
    public static final String UNKNOWN = "unknown";
    private static final String NON_DURABLE = "non-durable";
    /** The settings that trade crash safety for speed; "off" is the unsafe value of each. */
    static final List<String> SETTINGS = List.of("fsync", "full_page_writes", "synchronous_commit");

    private Durability() {}

    /** The label for a server's effective settings; {@value #UNKNOWN} when one of the three was not read. */
    public static String of(Map<String, String> settings) {
        List<String> off = new ArrayList<>();
        for (String name : SETTINGS) {
            String value = settings.get(name);
            if (value == null) {
                return UNKNOWN;
            }
            if (value.trim().toLowerCase(Locale.ROOT).equals("off")) {
                off.add(name + "=off");
            }
        }
        return off.isEmpty() ? DURABLE : NON_DURABLE + "(" + String.join(",", off) + ")";
    }

    /** Whether a recorded label says non-durable (unknown is neither). */
    public static boolean isNonDurable(String label) {
        return label != null && label.startsWith(NON_DURABLE);
    }
}
