package io.migbench.harness.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file so they can all be reported at once. */
public final class Problems {
    private final String file;
    private final List<ConfigProblem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(int line, String path, String message) {
        list.add(new ConfigProblem(file, line, path, message));
    }

    /** Whether a problem was recorded for {@code path} itself or anything inside it. */
    public boolean hasProblemAtOrBelow(String path) {
        return list.stream().map(ConfigProblem::path).anyMatch(p -> p.equals(path)
                || p.startsWith(path + ".") || p.startsWith(path + "["));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Throws every collected problem, in line order, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigFileException(sorted);
        }
    }
}
