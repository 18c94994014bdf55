package io.migbench.harness.sweep.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pg_dump -Fd -j N -Z0} of the whole source database into the run directory, then
 * {@code pg_restore -j N --no-owner} into the target. Reports the dump's size as the bytes moved.
 */
public final class PgDumpRestore implements BaselineEngine {
    public static final String NAME = "pg_dump-restore";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> missingTool() {
        return ToolProbe.missing("pg_restore", "install the PostgreSQL client (e.g. apt-get install postgresql-client)")
                .or(() -> ToolProbe.missing("pg_dump", "install the PostgreSQL client (e.g. apt-get install postgresql-client)"));
    }

    @Override
    public Optional<String> unavailableReason(BaselineContext ctx) {
        return missingTool().or(() -> ToolProbe.tooOldForSource("pg_dump", ctx));
    }

    @Override
    public BaselineRun run(BaselineContext ctx) throws BaselineException {
        PgEndpoint source = PgEndpoint.of(ctx.source());
        PgEndpoint target = PgEndpoint.of(ctx.target());
        String jobs = Integer.toString(ctx.tasks());
        return DatabaseClone.run(NAME, ctx, (runner, dir) -> {
            Path dump = dir.resolve("dump");
            runner.run(ExternalCommand.of("pg_dump", List.of("pg_dump", "-Fd", "-j", jobs, "-Z0",
                    "--no-owner", "--no-acl", "-f", dump.toString(), "-d", source.conninfo()), password(source)), null);
            long bytes;
            try {
                bytes = RunDirectory.size(dump);
            } catch (IOException e) {
                throw new BaselineException(NAME, "cannot measure the dump in " + dump + ": " + e, null, null, null,
                        Duration.ZERO, null, e);
            }
            runner.run(ExternalCommand.of("pg_restore", List.of("pg_restore", "-j", jobs, "--no-owner", "--no-acl",
                    "-d", target.conninfo(), dump.toString()), password(target)), null);
            return bytes;
        });
    }

    private static Map<String, String> password(PgEndpoint endpoint) {
        return endpoint.password() == null ? Map.of() : Map.of("PGPASSWORD", endpoint.password());
    }
}
