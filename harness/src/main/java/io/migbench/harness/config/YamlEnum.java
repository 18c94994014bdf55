package io.migbench.harness.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose constants are written in YAML under a fixed lower-case name ({@code psql-pipe}, {@code whole_table}). */
public interface YamlEnum {
    String yamlName();

    static <E extends Enum<E> & YamlEnum> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.yamlName().equals(name)).findFirst();
    }

    static <E extends Enum<E> & YamlEnum> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(YamlEnum::yamlName).toList();
    }
}
