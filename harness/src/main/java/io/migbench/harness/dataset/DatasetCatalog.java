package io.migbench.harness.dataset;

import io.migbench.harness.model.DatasetName;

import java.util.LinkedHashMap;
import java.util.Map;

/** The generator of each dataset a scenario can name. */
public final class DatasetCatalog {
    private static final Map<String, Dataset> DATASETS = new LinkedHashMap<>();

    static {
        for (DatasetName name : DatasetName.values()) {
            if (name.generated()) {
                DATASETS.put(name.yamlName(), generator(name));
            }
        }
    }

    // a switch over the enum, so a new name does not compile until it has a generator
    private static Dataset generator(DatasetName name) {
        return switch (name) {
            case STACKOVERFLOW -> new StackOverflowDataset();
            case TYPES -> new TypesDataset();
            case EXISTING -> throw new IllegalStateException("existing names the user's own data: there is no generator");
        };
    }

    private DatasetCatalog() {}

    public static Dataset byName(String name) {
        Dataset d = DATASETS.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no generator for dataset \"" + name + "\"; one of: " + String.join(", ", DATASETS.keySet()));
        }
        return d;
    }
}
