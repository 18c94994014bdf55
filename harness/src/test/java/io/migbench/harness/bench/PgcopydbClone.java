package io.migbench.harness.bench;

import io.migbench.harness.db.Directories;

import java.nio.file.Path;

/** {@code pgcopydb clone}: schema, text COPY, indexes and keys, vacuum analyze; timed as a whole. */
final class PgcopydbClone {
    private final BenchServer source;
    private final String sourceDatabase;

    PgcopydbClone(BenchServer source, String sourceDatabase) {
        this.source = source;
        this.sourceDatabase = sourceDatabase;
    }

    double run(BenchServer target, int jobs) throws Exception {
        target.freshDatabase();
        String dir = System.getProperty("java.io.tmpdir") + "/migbench-pgcopydb-" + ProcessHandle.current().pid();
        long started = System.nanoTime();
        int code;
        double seconds;
        try {
            code = Shell.run("pgcopydb clone --skip-extensions --table-jobs " + jobs + " --index-jobs " + jobs
                    + " --source " + Shell.quote(source.libpqUri(sourceDatabase))
                    + " --target " + Shell.quote(target.libpqUri(BenchServer.DATABASE))
                    + " --dir " + Shell.quote(dir) + " --restart", source.instance().password());
            seconds = (System.nanoTime() - started) / 1e9;
        } finally {
            Directories.deleteRecursively(Path.of(dir));
        }
        if (code != 0) {
            throw new IllegalStateException("pgcopydb clone failed with exit code " + code
                    + " (its pg_dump must not be older than the server: try -Dpostgres.binaries.version=15.x.y)");
        }
        return seconds;
    }
}
