package io.migbench.harness.tune;

/** How sure the tuner is that its best setting beats the runner-up. */
public enum Verdict {
    /** The best's confidence interval lies entirely above the runner-up's. */
    DISTINGUISHABLE("distinguishable"),
    /** The intervals overlap: the measurements cannot tell the two apart. */
    NOT_DISTINGUISHABLE("not distinguishable"),
    /** No runner-up, or one of the two has no interval (fewer than two measured trials). */
    INSUFFICIENT_DATA("insufficient data");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** Lower-case words, as written in reports and tuned.yaml. */
    public String text() {
        return text;
    }

    /** Inverse of {@link #text()}; {@code null} when no verdict has that text. */
    public static Verdict fromText(String text) {
        for (Verdict v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        return null;
    }
}
