package io.migbench.harness.results;

import io.migbench.harness.model.CsvCode;
/** Whether a trial completed (data copied and validated) or failed. */
public enum TrialStatus implements CsvCode {
    OK("ok"),
    FAILED("failed");

    private final String code;

    TrialStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static TrialStatus parse(String text) {
        return CsvCode.parse(TrialStatus.class, text);
    }
}
