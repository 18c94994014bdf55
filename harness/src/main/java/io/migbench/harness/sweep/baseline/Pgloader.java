package io.migbench.harness.sweep.baseline;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.schema.TableName;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * pgloader's SQL Server path: {@code LOAD DATABASE FROM mssql://… INTO postgresql://…} over FreeTDS, with
 * {@code workers = tasks}, creating tables, indexes and keys itself (schema {@code dbo} as in the source), then a
 * count of every table (needed: pgloader 3.6.7 exits 0 after a failed catalog query, having loaded nothing). Both
 * connection strings, passwords included, reach pgloader only through its environment (its command file names them
 * as {@code {{…}}} templates).
 */
public final class Pgloader implements BaselineEngine {
    public static final String NAME = "pgloader";
    static final String SOURCE_VAR = "MIGBENCH_PGLOADER_SOURCE";
    static final String TARGET_VAR = "MIGBENCH_PGLOADER_TARGET";
    /**
     * The expression of pgloader's own index query ({@code src/sources/mssql/sql/list-all-indexes.sql}) that servers
     * imitating SQL Server reject: Babelfish 4.4 refuses REPLACE on a {@code sysname} column.
     */
    public static final String INDEX_QUERY_PROBE = "SELECT TOP (1) REPLACE(i.name, '.', '_') FROM sys.indexes i";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> missingTool() {
        return ToolProbe.missing("pgloader", "install it (e.g. apt-get install pgloader) to compare with it");
    }

    @Override
    public Optional<String> unavailableReason(BaselineContext ctx) {
        return missingTool().or(() -> indexQueryRejected(ctx));
    }

    /** Why pgloader cannot read this source's catalog (its index query fails there), or empty. */
    private static Optional<String> indexQueryRejected(BaselineContext ctx) {
        try (Connection c = ConnectionPools.open(ctx.source()); Statement st = c.createStatement()) {
            st.executeQuery(INDEX_QUERY_PROBE).close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("pgloader cannot read this source: its index query calls REPLACE(i.name, '.', '_') on "
                    + "sys.indexes, which the server rejects: " + Redaction.redact(e.getMessage(), ctx.secrets())
                    + " (SQLState " + e.getSQLState() + ")");
        }
    }

    @Override
    public BaselineRun run(BaselineContext ctx) throws BaselineException {
        TdsEndpoint source = TdsEndpoint.of(ctx.source());
        PgEndpoint target = PgEndpoint.of(ctx.target());
        return DatabaseClone.run(NAME, ctx, (runner, dir) -> {
            Path load = dir.resolve("migbench.load");
            try {
                Files.writeString(load, commandFile(ctx.tableNames(), ctx.tasks()));
            } catch (IOException e) {
                throw new BaselineException(NAME, "cannot write its command file " + load + ": " + e, null, null, null,
                        Duration.ZERO, null, e);
            }
            runner.run(ExternalCommand.of("pgloader", List.of("pgloader", "--on-error-stop",
                    "--root-dir", dir.resolve("pgloader").toString(), load.toString()),
                    Map.of(SOURCE_VAR, sourceUri(source), TARGET_VAR, targetUri(target),
                            "TDSPORT", Integer.toString(source.port()))), null);
            return null;
        });
    }

    /** The load command: only the context's tables, {@code tasks} workers; no password in it. */
    static String commandFile(List<TableName> tables, int tasks) {
        Map<String, List<String>> bySchema = tables.stream().collect(Collectors.groupingBy(TableName::schema,
                java.util.LinkedHashMap::new, Collectors.mapping(TableName::name, Collectors.toList())));
        String including = bySchema.entrySet().stream()
                .map(e -> e.getValue().stream().map(Pgloader::literal).collect(Collectors.joining(", "))
                        + " in schema " + literal(e.getKey()))
                .collect(Collectors.joining(",\n       "));
        return "LOAD DATABASE\n"
                + "  FROM {{" + SOURCE_VAR + "}}\n"
                + "  INTO {{" + TARGET_VAR + "}}\n"
                + "  WITH include drop, create tables, create indexes, foreign keys, reset sequences,\n"
                + "       workers = " + tasks + ", concurrency = 1\n"
                + "  INCLUDING ONLY TABLE NAMES LIKE " + including + ";\n";
    }

    static String sourceUri(TdsEndpoint s) {
        return "mssql://" + encode(s.user()) + (s.password() == null ? "" : ":" + encode(s.password())) + "@" + s.host()
                + ":" + s.port() + "/" + encode(s.database());
    }

    static String targetUri(PgEndpoint t) {
        return "postgresql://" + encode(t.user()) + (t.password() == null ? "" : ":" + encode(t.password())) + "@"
                + t.host() + ":" + t.port() + "/" + encode(t.database());
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
