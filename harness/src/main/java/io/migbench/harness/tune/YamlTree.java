package io.migbench.harness.tune;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line, so a reader can say "file:line: field: problem".
 * (Jackson's {@code JsonNode} forgets positions.) Duplicate keys are rejected here, where the line is known.
 */
final class YamlTree {
    private YamlTree() {
    }

    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        /** What the node is, for "expected a mapping, got a list" messages. */
        String kind();
    }

    /** A scalar as written; {@code text} is {@code null} for an explicit or empty null. */
    record Scalar(int line, String text) implements Node {
        public String kind() {
            return text == null ? "nothing (null)" : "a value";
        }
    }

    /** A mapping with its keys in document order; {@code keyLines} gives each key's line. */
    record Mapping(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(int line, List<Node> items) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** Thrown for malformed YAML or a duplicate key; {@code line} is 1-based. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }
    }

    /** The tree of the single document in {@code reader}; an empty document is a null scalar at line 1. */
    static Node parse(Reader reader) throws IOException, SyntaxError {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            return first == null ? new Scalar(1, null) : node(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SyntaxError(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage(), e);
        }
    }

    private static Node node(JsonParser parser) throws IOException, SyntaxError {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                if (entries.containsKey(key)) {
                    throw new SyntaxError(keyLine, key + ": duplicate key (first at line " + keyLines.get(key) + ")", null);
                }
                parser.nextToken();
                keyLines.put(key, keyLine);
                entries.put(key, node(parser));
            }
            return new Mapping(line, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines));
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser));
            }
            return new Sequence(line, List.copyOf(items));
        }
        return new Scalar(line, token == JsonToken.VALUE_NULL ? null : parser.getText());
    }
}
