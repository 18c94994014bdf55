package io.migbench.harness.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects field problems inside a record constructor, then throws them all at once. */
public final class Checks {
    private final List<FieldProblem> problems = new ArrayList<>();

    public Checks check(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
        return this;
    }

    public Checks require(Object value, String field) {
        return check(value != null, field, "is required");
    }

    public Checks atLeast(long value, long min, String field) {
        return check(value >= min, field, "must be ≥ " + min + ", got " + value);
    }

    /** A list that must not be empty nor repeat a value. */
    public Checks distinctNonEmpty(List<?> values, String field) {
        if (values == null || values.isEmpty()) {
            return check(false, field, "must list at least one value");
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            check(seen.add(values.get(i)), field + "[" + i + "]", "duplicate value " + values.get(i));
        }
        return this;
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}
