package io.migbench.harness.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every node, so that validation messages can
 * point at the line a user has to fix (Jackson's own tree forgets locations).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** 1-based line of the node's first token. */
    int line();

    /** How the node reads in a message: {@code string "abc"}, {@code a list}, {@code a map}. */
    String describe();

    /** A scalar: String, Long, BigInteger, Double, Boolean, or {@code null} for YAML null. */
    record Scalar(Object value, int line) implements YamlNode {
        @Override
        public String describe() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "string \"" + s + "\"";
            }
            if (value instanceof Boolean b) {
                return "boolean " + b;
            }
            return "number " + value;
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** Entries in document order; each key keeps its own line. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record Entry(String key, int keyLine, YamlNode value) {}
}
