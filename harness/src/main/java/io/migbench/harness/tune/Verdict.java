package io.migbench.harness.tune;

import io.migbench.harness.config.YamlEnum;

/** How sure the tuner is that its best setting beats the runner-up. */
public enum Verdict implements YamlEnum {
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

    /** Lower-case words, as written in reports, tuned.yaml and summary.json. */
    @Override
    public String yamlName() {
        return text;
    }
}
