package io.migbench.harness.results;

import io.migbench.harness.model.CsvCode;
/** Where the benchmark ran: directly on hardware, in WSL2, in a container or in a virtual machine. */
public enum Virtualization implements CsvCode {
    NATIVE("native"),
    WSL2("wsl2"),
    CONTAINER("container"),
    VM("vm");

    private final String code;

    Virtualization(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Virtualization parse(String text) {
        return CsvCode.parse(Virtualization.class, text);
    }
}
