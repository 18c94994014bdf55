package io.migbench.harness.scenario;

import java.util.Locale;

/**
 * A count that can be left to the engine: {@code auto}, or an explicit number. Range checks belong to
 * the record that holds it, which knows the field's name.
 */
public record CountOrAuto(Integer value) {
    public static final CountOrAuto AUTO = new CountOrAuto(null);

    public static CountOrAuto of(int value) {
        return new CountOrAuto(value);
    }

    public boolean isAuto() {
        return value == null;
    }

    /** The explicit value, or {@code fallback} when automatic. */
    public int orElse(int fallback) {
        return value == null ? fallback : value;
    }

    /** Parses {@code auto} or an integer. */
    public static CountOrAuto parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        try {
            return of(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer or auto, got \"" + text + "\"");
        }
    }

    @Override
    public String toString() {
        return value == null ? "auto" : value.toString();
    }
}
