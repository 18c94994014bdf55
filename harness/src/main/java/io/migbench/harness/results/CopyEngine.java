package io.migbench.harness.results;

/** The tool that moved the data: migbench itself or one of the reference tools it is compared with. */
public enum CopyEngine implements CsvCode {
    MIGBENCH("migbench"),
    PSQL_PIPE("psql-pipe"),
    PGCOPYDB("pgcopydb"),
    PG_DUMP_RESTORE("pg_dump-restore");

    private final String code;

    CopyEngine(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static CopyEngine parse(String text) {
        return CsvCode.parse(CopyEngine.class, text);
    }
}
