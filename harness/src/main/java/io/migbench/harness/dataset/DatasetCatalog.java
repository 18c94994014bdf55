package io.migbench.harness.dataset;

import java.util.List;

/** The datasets a scenario can name. */
public final class DatasetCatalog {
    private DatasetCatalog() {}

    public static List<String> names() {
        return List.of("stackoverflow", "types");
    }
}
