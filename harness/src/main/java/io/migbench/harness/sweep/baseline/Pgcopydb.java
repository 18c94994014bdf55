package io.migbench.harness.sweep.baseline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pgcopydb clone}: schema, parallel COPY, indexes and constraints, VACUUM ANALYZE of the whole source
 * database ({@code --table-jobs N --index-jobs N}). It dumps the schema with the pg_dump on the PATH, which must
 * not be older than the source server.
 */
public final class Pgcopydb implements BaselineEngine {
    public static final String NAME = "pgcopydb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> missingTool() {
        return ToolProbe.missing("pgcopydb", "install it (e.g. apt-get install pgcopydb) to compare with it")
                .or(() -> ToolProbe.missing("pg_restore", "pgcopydb needs pg_restore: install the PostgreSQL client"));
    }

    @Override
    public Optional<String> unavailableReason(BaselineContext ctx) {
        return missingTool().or(() -> ToolProbe.tooOldForSource("pg_dump", ctx).map(r -> "pgcopydb needs a pg_dump that can dump the source: " + r));
    }

    @Override
    public BaselineRun run(BaselineContext ctx) throws BaselineException {
        PgEndpoint source = PgEndpoint.of(ctx.source());
        PgEndpoint target = PgEndpoint.of(ctx.target());
        return DatabaseClone.run(NAME, ctx, (runner, dir) -> {
            Path passFile = PassFile.write(NAME, dir, source, target);
            String jobs = Integer.toString(ctx.tasks());
            runner.run(ExternalCommand.of("pgcopydb clone", List.of("pgcopydb", "clone",
                    "--source", source.uri(), "--target", target.uri(),
                    "--table-jobs", jobs, "--index-jobs", jobs,
                    "--dir", dir.resolve("pgcopydb").toString(), "--no-owner", "--no-acl"),
                    passFile == null ? Map.of() : Map.of("PGPASSFILE", passFile.toString())), null);
            return null;
        });
    }
}
