package io.migbench.spark;

import java.util.Locale;

/** The engine phases the job runs, in this order: plan and finalize in the driver, copy as Spark tasks. */
public enum Step {
    PLAN, COPY, FINALIZE;

    /** The engine's {@code --phase} value. */
    public String phase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
