package io.migbench.harness.results;

import io.migbench.harness.model.CsvCode;
/** How a trial's data was checked: exact row counts, or row counts plus checksums. */
public enum ValidationMode implements CsvCode {
    COUNT("count"),
    CHECKSUM("checksum");

    private final String code;

    ValidationMode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ValidationMode parse(String text) {
        return CsvCode.parse(ValidationMode.class, text);
    }
}
