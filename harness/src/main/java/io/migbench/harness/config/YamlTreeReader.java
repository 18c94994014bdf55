package io.migbench.harness.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML text (Jackson's YAML parser) into a {@link YamlNode} tree that keeps line numbers.
 * Syntax errors and duplicate keys become problems with their line.
 */
public final class YamlTreeReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader() {}

    /** The document's root, or {@code null} after recording a problem when the text is not usable YAML. */
    public static YamlNode read(String text, Problems problems) {
        try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(0, "", "the file is empty");
                return null;
            }
            return node(p, problems);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(line, "", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            problems.add(0, "", "cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static YamlNode node(JsonParser p, Problems problems) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    YamlNode value = node(p, problems);
                    if (key.indexOf('\0') >= 0 || hasNul(value)) {
                        // a NUL cannot pass into a server setting, a file name or a database name
                        problems.add(keyLine, key.replace('\0', '?'), "contains a NUL character");
                    }
                    if (entries.containsKey(key)) {
                        problems.add(keyLine, key, "duplicate key (first on line " + entries.get(key).keyLine() + ")");
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLine, value));
                    }
                }
                return new YamlNode.Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    YamlNode item = node(p, problems);
                    if (hasNul(item)) {
                        problems.add(line, "[" + items.size() + "]", "contains a NUL character");
                    }
                    items.add(item);
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getDoubleValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(t == JsonToken.VALUE_TRUE, line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, line);
            }
            default -> {
                problems.add(line, "", "unsupported YAML construct " + t);
                return new YamlNode.Scalar(null, line);
            }
        }
    }

    private static boolean hasNul(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.value() instanceof String text && text.indexOf('\0') >= 0;
    }
}
