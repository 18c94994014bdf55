package io.migbench.harness.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The datasets a scenario can name. */
public final class DatasetCatalog {
    private static final Map<String, Dataset> DATASETS = new LinkedHashMap<>();

    static {
        for (Dataset d : List.of(new StackOverflowDataset(), new TypesDataset())) {
            DATASETS.put(d.name(), d);
        }
    }

    private DatasetCatalog() {}

    public static List<String> names() {
        return List.copyOf(DATASETS.keySet());
    }

    public static Dataset byName(String name) {
        Dataset d = DATASETS.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown dataset \"" + name + "\"; one of: " + String.join(", ", names()));
        }
        return d;
    }
}
