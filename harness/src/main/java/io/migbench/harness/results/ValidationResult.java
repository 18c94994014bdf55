package io.migbench.harness.results;

import io.migbench.harness.model.CsvCode;
/** The outcome of a validation. */
public enum ValidationResult implements CsvCode {
    PASSED("passed"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String code;

    ValidationResult(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ValidationResult parse(String text) {
        return CsvCode.parse(ValidationResult.class, text);
    }
}
