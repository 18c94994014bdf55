package io.migbench.harness.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose constants are written to the CSVs as a fixed lower-case code. */
public interface CsvCode {
    String code();

    /** The constant whose code is {@code text} (case-insensitive), or an error listing the allowed codes. */
    static <E extends Enum<E> & CsvCode> E parse(Class<E> type, String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(CsvCode::code).collect(Collectors.joining("|")));
    }
}
