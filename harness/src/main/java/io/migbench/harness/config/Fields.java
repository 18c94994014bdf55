package io.migbench.harness.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the fields of one YAML map into Java values, recording a problem (file, line, dotted path) for
 * every wrong type, unknown key or invalid value instead of stopping at the first. A reader returns
 * {@code null} for a missing or unusable field, so binding goes on and later problems are found too.
 */
public final class Fields {
    private final YamlNode.Mapping map;
    private final String path;
    private final int line;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(YamlNode.Mapping map, String path, int line, Problems problems) {
        this.map = map;
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /** The document root; a root that is not a map is a problem and reads as an empty map. */
    public static Fields root(YamlNode root, Problems problems) {
        return of(root, "", problems);
    }

    /** Reads {@code node} (which should be a map) as the map at {@code path}. */
    public static Fields of(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, path, m.line(), problems);
        }
        if (node != null && !(node instanceof YamlNode.Scalar s && s.value() == null)) {
            problems.add(node.line(), path, "expected a map of keys, got " + node.describe());
        }
        return new Fields(null, path, node == null ? 0 : node.line(), problems);
    }

    public Problems problems() {
        return problems;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        known.add(key);
        return map != null && map.entries().containsKey(key)
                && !(map.get(key) instanceof YamlNode.Scalar s && s.value() == null);
    }

    /** The value node of {@code key}, or {@code null}; marks the key as known. */
    public YamlNode node(String key) {
        known.add(key);
        return has(key) ? map.get(key) : null;
    }

    public Fields section(String key) {
        return of(node(key), pathOf(key), problems).atLine(lineOf(key));
    }

    private Fields atLine(int fallback) {
        return map == null ? new Fields(null, path, fallback, problems) : this;
    }

    /** The key's own line, or the map's line when the key is absent. */
    public int lineOf(String key) {
        YamlNode.Entry e = map == null ? null : map.entries().get(key);
        return e != null ? e.keyLine() : line;
    }

    /** Whether {@code key} is present; when it is not, records that it is required. */
    public boolean require(String key) {
        if (has(key)) {
            return true;
        }
        problem(key, "is required");
        return false;
    }

    public void problem(String key, String message) {
        problems.add(lineOf(key), pathOf(key), message);
    }

    // ---- scalar readers: each returns null (after recording a problem) when the value is unusable

    public String string(String key) {
        return read(key, this::asString);
    }

    public Integer integer(String key) {
        return read(key, this::asInt);
    }

    public Long longValue(String key) {
        return read(key, this::asLong);
    }

    public Double number(String key) {
        return read(key, this::asDouble);
    }

    public Boolean bool(String key) {
        return read(key, this::asBoolean);
    }

    public <E extends Enum<E> & YamlEnum> E choice(String key, Class<E> type) {
        return read(key, (n, p) -> asChoice(n, p, type));
    }

    /** A value parsed from a string or number by {@code parser}; its IllegalArgumentException becomes the problem. */
    public <T> T parsed(String key, Function<String, T> parser) {
        return read(key, (n, p) -> asParsed(n, p, parser));
    }

    /** A list; a single scalar is read as a list of one. {@code null} when absent. */
    public <T> List<T> list(String key, BiFunction<YamlNode, String, T> element) {
        YamlNode n = node(key);
        if (n == null) {
            return null;
        }
        String p = pathOf(key);
        if (n instanceof YamlNode.Mapping) {
            problems.add(n.line(), p, "expected a list, got a map");
            return null;
        }
        List<YamlNode> items = n instanceof YamlNode.Sequence s ? s.items() : List.of(n);
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            T v = element.apply(items.get(i), items.size() == 1 && !(n instanceof YamlNode.Sequence) ? p : p + "[" + i + "]");
            ok &= v != null;
            out.add(v);
        }
        return ok ? out : null;
    }

    /** A map of names to scalar values rendered as strings (server settings). */
    public Map<String, String> stringMap(String key) {
        Fields f = section(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (f.map != null) {
            for (YamlNode.Entry e : f.map.entries().values()) {
                f.known.add(e.key());
                String v = asSettingValue(e.value(), f.pathOf(e.key()));
                if (v != null) {
                    out.put(e.key(), v);
                }
            }
        }
        return out;
    }

    /** Every key of the map, in order, marked known (for maps keyed by user-chosen names). */
    public List<String> keys() {
        if (map == null) {
            return List.of();
        }
        known.addAll(map.entries().keySet());
        return List.copyOf(map.entries().keySet());
    }

    /** Records one problem per key nobody asked for, with a suggestion when one is close. */
    public void rejectUnknownKeys() {
        if (map == null) {
            return;
        }
        for (YamlNode.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                problems.add(e.keyLine(), pathOf(e.key()), "unknown key" + Suggestions.didYouMean(e.key(), known)
                        + "; known keys here: " + String.join(", ", known));
            }
        }
    }

    /**
     * Builds a record, mapping the field problems its constructor throws back to the lines of this map.
     * Returns {@code null} when construction failed.
     */
    public <T> T build(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidFieldsException e) {
            for (FieldProblem p : e.problems()) {
                String full = pathOf(p.field());
                // a field already reported below (a wrong type, a broken nested record) was passed as null:
                // "is required" or "must list a value" would only repeat that problem
                if (!problems.hasProblemAtOrBelow(full)) {
                    problems.add(lineOfPath(p.field()), full, p.message());
                }
            }
            return null;
        }
    }

    /** The line of a relative path like {@code profiles[1].source.cpus}; the nearest known ancestor's line otherwise. */
    public int lineOfPath(String relative) {
        YamlNode current = map;
        int best = line;
        for (String part : relative.split("\\.")) {
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!(current instanceof YamlNode.Mapping m) || !m.entries().containsKey(name)) {
                return best;
            }
            YamlNode.Entry e = m.entries().get(name);
            best = e.keyLine();
            current = e.value();
            int open = part.indexOf('[');
            while (open >= 0) {
                int close = part.indexOf(']', open);
                int index = Integer.parseInt(part.substring(open + 1, close));
                if (!(current instanceof YamlNode.Sequence s) || index >= s.items().size()) {
                    return best;
                }
                current = s.items().get(index);
                best = current.line();
                open = part.indexOf('[', close);
            }
        }
        return best;
    }

    // ---- element converters, usable for list elements too

    private <T> T read(String key, BiFunction<YamlNode, String, T> converter) {
        YamlNode n = node(key);
        return n == null ? null : converter.apply(n, pathOf(key));
    }

    public String asString(YamlNode n, String p) {
        if (n instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            return str;
        }
        return wrong(n, p, "a string");
    }

    public Integer asInt(YamlNode n, String p) {
        Long v = asLong(n, p);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            problems.add(n.line(), p, "must fit in 32 bits, got " + v);
            return null;
        }
        return v == null ? null : v.intValue();
    }

    public Long asLong(YamlNode n, String p) {
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Long l) {
            return l;
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof BigInteger b) {
            problems.add(n.line(), p, "must fit in 64 bits, got " + b);
            return null;
        }
        return wrong(n, p, "an integer");
    }

    public Double asDouble(YamlNode n, String p) {
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Number num) {
            return num.doubleValue();
        }
        return wrong(n, p, "a number");
    }

    public Boolean asBoolean(YamlNode n, String p) {
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        return wrong(n, p, "true or false");
    }

    public <E extends Enum<E> & YamlEnum> E asChoice(YamlNode n, String p, Class<E> type) {
        List<String> names = YamlEnum.names(type);
        if (n instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            E e = YamlEnum.parse(type, str).orElse(null);
            if (e == null) {
                problems.add(n.line(), p, "unknown value \"" + str + "\"" + Suggestions.didYouMean(str, names)
                        + "; one of: " + String.join(", ", names));
            }
            return e;
        }
        return wrong(n, p, "one of " + String.join(", ", names));
    }

    public <T> T asParsed(YamlNode n, String p, Function<String, T> parser) {
        if (n instanceof YamlNode.Scalar s && (s.value() instanceof String || s.value() instanceof Number)) {
            try {
                return parser.apply(s.value().toString());
            } catch (IllegalArgumentException e) {
                problems.add(n.line(), p, e.getMessage());
                return null;
            }
        }
        return wrong(n, p, "a string or a number");
    }

    private String asSettingValue(YamlNode n, String p) {
        if (n instanceof YamlNode.Scalar s && s.value() != null) {
            // YAML reads a bare `off` or `on` as a boolean; PostgreSQL wants the words back
            return s.value() instanceof Boolean b ? (b ? "on" : "off") : s.value().toString();
        }
        return wrong(n, p, "a scalar value");
    }

    private <T> T wrong(YamlNode n, String p, String expected) {
        problems.add(n.line(), p, "expected " + expected + ", got " + n.describe());
        return null;
    }
}
